// FootageKit
