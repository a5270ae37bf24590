using BenchmarkDotNet.Attributes;
using Interregnum.Coalition;

namespace Interregnum.Benchmarks;

/// <summary>
/// One exact solve of the ruling coalition (all 2^n coalitions, O(n·2^n)) for n = 8, 12 and 16 players (16 is the
/// exact limit), powers seeded uniform on [0.05, 1.05), α = ½, in a reused workspace as the Monte Carlo uses it.
/// Run: <c>dotnet run -c Release --project benchmarks/Interregnum.Benchmarks -- --filter '*RulingCoalition*'</c>.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class RulingCoalitionBenchmarks
{
    private readonly List<int> rulers = [];
    private double[] powers = [];
    private RulingCoalition solver = null!;

    /// <summary>The number of players.</summary>
    [Params(8, 12, 16)]
    public int Players { get; set; } = 8;

    /// <summary>Seeded powers and the workspace (not measured).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(20261201);
        powers = Enumerable.Range(0, Players).Select(_ => 0.05 + rng.NextDouble()).ToArray();
        solver = new RulingCoalition(Players);
    }

    /// <summary>One solve.</summary>
    /// <returns>The ruling coalition's bitmask.</returns>
    [Benchmark]
    public int Solve()
    {
        solver.Solve(powers, 0.5, rulers);
        return rulers[0];
    }
}
