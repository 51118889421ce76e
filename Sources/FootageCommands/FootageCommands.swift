// FootageCommands
