import FootageCommands

FootageCommand.run()
