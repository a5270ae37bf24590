namespace Interregnum.Simulation;

/// <summary>
/// A counter-based random source: the uniform number for (seed, draw, stream) is a pure function of the three,
/// so Monte Carlo results depend on the seed alone, never on thread count or scheduling, and the same stream
/// key gives common random numbers across shocks and sensitivity swings. Mixing is SplitMix64's finaliser
/// (Steele, Lea &amp; Flood 2014), applied to a combination of the three keys. The project's only generator: the
/// Monte Carlo, sensitivity bootstrap and the SMP's stochastic transitions all draw from it.
/// </summary>
public static class CounterRandom
{
    /// <summary>A uniform number in the open interval (0, 1).</summary>
    public static double Uniform(ulong seed, long draw, ulong stream)
    {
        var x = Mix(seed ^ Mix((ulong)draw + 0x9E3779B97F4A7C15UL) ^ Mix(stream * 0xD1B54A32D192ED03UL + 0x8CB92BA72F3D8DD7UL));
        x = Mix(x);
        // 53 random bits, shifted by half a step so that 0 and 1 never occur.
        return ((x >> 11) + 0.5) * (1.0 / 9007199254740992.0);
    }

    /// <summary>A stable 64-bit key for a text (FNV-1a), used to key streams by input path.</summary>
    public static ulong StreamKey(string text)
    {
        var h = 14695981039346656037UL;
        foreach (var ch in text)
        {
            h ^= ch;
            h *= 1099511628211UL;
        }

        return Mix(h);
    }

    /// <summary>SplitMix64's output for the state <paramref name="z"/> before its increment (Steele, Lea &amp; Flood 2014).</summary>
    internal static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
