extension BinaryInteger {
    /// The number's digits (in `radix`) with zeros in front up to `width`: `7.zeroPadded(2)` is `07`. Dates, times,
    /// file names and stream tags are written with fixed-width fields.
    public func zeroPadded(_ width: Int, radix: Int = 10) -> String {
        let digits = String(self, radix: radix)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
