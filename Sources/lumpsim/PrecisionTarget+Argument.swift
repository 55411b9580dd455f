import ArgumentParser
import Experiments

/// `--precision METRIC=HALFWIDTH` on the command line.
extension PrecisionTarget: ExpressibleByArgument {
  public init?(argument: String) { self.init(parsing: argument) }

  public static var allValueStrings: [String] { Metric.allCases.map { "\($0.rawValue)=HALFWIDTH" } }
}
