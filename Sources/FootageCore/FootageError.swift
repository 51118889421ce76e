/// What every error footage's modules throw has in common, so that the command line catches them in one place.
///
/// `description` is one line for people that names the file or record it is about and says what happened, in the
/// words of the module that threw it (`clip.mp4: not a media file (no demuxer recognised it)`). It may hold text
/// from hostile input: whoever prints it passes it through `TerminalText.safe`. The command line prints
/// `footage: ` and the description, and exits with status 1; the command-line layer may word an error in its own
/// terms first (naming the flag or the command that helps), from the facts the error carries.
public protocol FootageError: Error, CustomStringConvertible, Sendable {}
