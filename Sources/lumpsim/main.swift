print("lumpsim")
