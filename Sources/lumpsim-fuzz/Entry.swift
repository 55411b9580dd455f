import Foundation

#if FUZZING
/// libFuzzer's driver (in the runtime that `-sanitize=fuzzer` links in).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The program's entry: SwiftPM names an executable's main `<module>_main`, so the fuzzer's own
/// `main` is not used; this hands the command line to libFuzzer's driver instead.
@_cdecl("lumpsim_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  InputCheck.sweepScenario = defaultSweepScenario()
  var count = argc
  var arguments = argv
  return LLVMFuzzerRunDriver(&count, &arguments) { start, size in
    InputCheck.check(start.map { Data(bytes: $0, count: size) } ?? Data())
    return 0
  }
}
#else
/// Without libFuzzer: reads every file named on the command line (or in the folders named) once,
/// so the corpus doubles as a regression test in an ordinary build.
@main
struct Replay {
  static func main() {
    InputCheck.sweepScenario = defaultSweepScenario()
    var files: [String] = []
    for argument in CommandLine.arguments.dropFirst() {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder) else {
        FileHandle.standardError.write(Data("lumpsim-fuzz: no such file or folder: \(argument)\n".utf8))
        exit(2)
      }
      if isFolder.boolValue {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []
        files += names.sorted().map { URL(fileURLWithPath: argument).appendingPathComponent($0).path }
      } else {
        files.append(argument)
      }
    }
    var isFolder: ObjCBool = false
    files = files.filter { FileManager.default.fileExists(atPath: $0, isDirectory: &isFolder) && !isFolder.boolValue }
    for file in files {
      guard let data = FileManager.default.contents(atPath: file) else { continue }
      InputCheck.check(data)
    }
    guard InputCheck.store != nil else {
      FileHandle.standardError.write(Data("lumpsim-fuzz: could not make the sweep store to damage\n".utf8))
      exit(1)
    }
    print("\(files.count) inputs read as scenarios, sweeps and summaries, and written over a sweep store; no crash")
  }
}
#endif

/// A real scenario for fuzzed sweeps to point at: the M/M/c validation scenario of this checkout.
func defaultSweepScenario() -> String {
  if let path = ProcessInfo.processInfo.environment["LUMPSIM_FUZZ_SCENARIO"] { return path }
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  return root.appendingPathComponent("Scenarios/validation/mmc.yaml").path
}
