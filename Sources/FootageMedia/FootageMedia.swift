// FootageMedia
