/// Seeds for every stream of every replication, derived from the master seed alone.
///
/// Replication r's substream s gets `seed(master, r, s)`: a keyed permutation of the 32-bit
/// number r·16 + s. Being a permutation, two different (replication, substream) pairs under one
/// master seed never share a seed, so streams never collide; no seed ever comes from a thread,
/// a clock or the order of execution. Results are therefore identical for any thread count or
/// shard split. 32 bits because GSL's classic generators use 32 seed bits.
public enum SeedDerivation {
  /// The most substreams one replication can have.
  public static let substreamsPerReplication = 16
  /// The most replications one master seed can address (2³² / 16).
  public static let maximumReplications = 1 << 28

  /// The seed of `substream` in replication `replication` under `master`.
  public static func seed(master: UInt64, replication: Int, substream: Substream) -> UInt64 {
    seed(master: master, replication: replication, substream: substream.rawValue)
  }

  /// The seed of substream number `substream` (the tests address streams by number).
  public static func seed(master: UInt64, replication: Int, substream: Int) -> UInt64 {
    precondition(replication >= 0 && replication < maximumReplications, "replication out of range")
    precondition(substream >= 0 && substream < substreamsPerReplication, "substream out of range")
    var x = UInt32(truncatingIfNeeded: replication * substreamsPerReplication + substream)
    var key = master
    // Four rounds of xor-with-key then a bijective mixer: a bijection of x for a fixed key.
    for _ in 0..<4 {
      let k = splitMix64(&key)
      x ^= UInt32(truncatingIfNeeded: k)
      x = fmix32(x)
    }
    return UInt64(x)
  }

  /// A 64-bit key for the counter streams of one replication, distinct per (master, replication).
  public static func key(master: UInt64, replication: Int, substream: Substream) -> UInt64 {
    var state = master ^ (UInt64(replication) &* 0xD1B5_4A32_D192_ED03)
    state ^= UInt64(substream.rawValue) &* 0x8CB9_2BA7_2F3D_8DD7
    _ = splitMix64(&state)
    return splitMix64(&state)
  }

  /// The key of one child's stream: a mix of the replication key and the child's serial number.
  @inlinable
  public static func childKey(replicationKey: UInt64, serial: Int) -> UInt64 {
    var state = replicationKey &+ UInt64(truncatingIfNeeded: serial) &* 0x9E37_79B9_7F4A_7C15
    return splitMix64(&state)
  }

  /// The SplitMix64 step: advances `state` by the golden gamma and returns its finalised value.
  @inlinable
  public static func splitMix64(_ state: inout UInt64) -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// MurmurHash3's 32-bit finaliser, a bijection on UInt32.
  @inlinable
  static func fmix32(_ value: UInt32) -> UInt32 {
    var h = value
    h ^= h >> 16
    h &*= 0x85EB_CA6B
    h ^= h >> 13
    h &*= 0xC2B2_AE35
    h ^= h >> 16
    return h
  }
}
