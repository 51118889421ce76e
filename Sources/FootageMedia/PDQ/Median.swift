/// The median the reference PDQ implementation thresholds its DCT block against.
///
/// Torben Mogensen's selection algorithm: it bisects the value range, counting values below and above a
/// guess, without sorting or modifying the input. For an even count it returns the lower of the two middle
/// values; ties and the exact value returned follow the reference so that hash bits agree with it.
enum TorbenMedian {
    static func median(of values: UnsafePointer<Float>, count: Int) -> Float {
        precondition(count > 0, "median of nothing")
        var low = values[0]
        var high = values[0]
        for index in 1..<count {
            low = min(low, values[index])
            high = max(high, values[index])
        }
        let half = (count + 1) / 2
        while true {
            let guess = (low + high) / 2
            var less = 0
            var greater = 0
            var equal = 0
            var largestBelow = low
            var smallestAbove = high
            for index in 0..<count {
                let value = values[index]
                if value < guess {
                    less += 1
                    if value > largestBelow { largestBelow = value }
                } else if value > guess {
                    greater += 1
                    if value < smallestAbove { smallestAbove = value }
                } else {
                    equal += 1
                }
            }
            if less <= half && greater <= half {
                if less >= half { return largestBelow }
                if less + equal >= half { return guess }
                return smallestAbove
            }
            if less > greater {
                high = largestBelow
            } else {
                low = smallestAbove
            }
        }
    }
}
