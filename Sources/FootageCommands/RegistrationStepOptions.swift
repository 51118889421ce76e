import ArgumentParser
import FootageKit
import FootageMedia

/// The steps `register` and `fetch` take after registering a clip: `--keyframes` (with a contact sheet), and its
/// fingerprint unless `--no-fingerprint`, at `--fingerprint-rate`.
struct RegistrationStepOptions: ParsableArguments {
    @Flag(help: "Also extract each clip's keyframes (I-frames, with a contact sheet).") var keyframes = false
    @Flag(
        name: .customLong("no-fingerprint"), help: "Do not compute the clips' video fingerprints (for `footage match`)."
    )
    var noFingerprint = false
    @Option(name: .customLong("fingerprint-rate"), help: "Frames per second sampled for the fingerprint.")
    var fingerprintRate = FingerprintJob.defaultRate

    func validate() throws {
        if !FingerprintSampler.rates.contains(fingerprintRate) {
            throw ValidationError("--fingerprint-rate must be between 1/60 and 30 frames per second")
        }
    }

    /// Adds the steps asked for to `options`; a clip that has a fingerprint keeps it.
    func apply(to options: inout Registrar.Options) {
        if keyframes {
            var extraction = KeyframeJob.Options(analyst: options.analyst)
            extraction.sheet = true
            options.keyframes = extraction
        }
        if !noFingerprint {
            var fingerprint = FingerprintJob.Options(analyst: options.analyst)
            fingerprint.rate = fingerprintRate
            fingerprint.keepExisting = true
            options.fingerprint = fingerprint
        }
    }
}
