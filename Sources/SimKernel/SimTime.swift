/// Simulation time, in the model's unit (lumpsim's model uses days).
public typealias SimTime = Double
