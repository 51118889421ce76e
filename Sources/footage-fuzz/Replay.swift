#if !FUZZING
    import Foundation

    /// Without libFuzzer (a normal build), `footage-fuzz TARGET PATH...` runs each file, or each file of a folder,
    /// through a target once: to replay a corpus or a crash found by `make fuzz` under a debugger or in a plain build.
    @main
    struct Replay {
        static func main() {
            let arguments = Array(CommandLine.arguments.dropFirst())
            guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
                print("usage: footage-fuzz TARGET FILE|FOLDER...\ntargets:")
                for target in FuzzTarget.allCases {
                    print("  " + target.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0) + target.summary)
                }
                exit(arguments.isEmpty ? 0 : 64)
            }
            var count = 0
            for path in arguments.dropFirst() {
                for file in files(at: path) {
                    guard let data = FileManager.default.contents(atPath: file) else {
                        FileHandle.standardError.write(Data("\(file): cannot read\n".utf8))
                        exit(1)
                    }
                    target.run(data)
                    count += 1
                }
            }
            print("\(target.rawValue): \(count) inputs, no broken promise")
        }

        /// The file itself, or the regular files in a folder and its subfolders, in a stable order.
        private static func files(at path: String) -> [String] {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
                return [path]
            }
            let names = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
            return names.sorted().map { path + "/" + $0 }.filter {
                var isFolder: ObjCBool = false
                return FileManager.default.fileExists(atPath: $0, isDirectory: &isFolder) && !isFolder.boolValue
            }
        }
    }
#endif
