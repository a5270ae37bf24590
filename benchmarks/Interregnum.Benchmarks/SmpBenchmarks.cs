using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Interregnum.Bargaining;

namespace Interregnum.Benchmarks;

/// <summary>
/// The SMP end to end (every turn until KTAB's stopping rule, with per-turn probabilities) on KTAB's example games
/// of 13, 27, 40, 80 and 160 actors and on a seeded 250-actor game. Few iterations: the large games take seconds.
/// Run: <c>dotnet run -c Release --project benchmarks/Interregnum.Benchmarks -- --filter '*Smp*'</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class SmpBenchmarks
{
    private SmpInput _input = null!;

    /// <summary>The game.</summary>
    [Params("SOE-Pol-Comp", "dummyData_6Dim", "dummyData-a040", "dummyData-a080", "dummyData-a160", SmpGames.Generated250)]
    public string Game { get; set; } = "SOE-Pol-Comp";

    /// <summary>Loads the game (not measured).</summary>
    [GlobalSetup]
    public void Setup() => _input = SmpGames.Load(Game);

    /// <summary>One whole run on every core.</summary>
    /// <returns>The number of turns.</returns>
    [Benchmark]
    public int Run() => SpatialModelOfPolitics.Run(_input).Turns;
}
