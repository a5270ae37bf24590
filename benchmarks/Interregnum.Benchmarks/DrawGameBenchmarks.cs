using BenchmarkDotNet.Attributes;
using Interregnum.Bargaining;

namespace Interregnum.Benchmarks;

/// <summary>
/// The bargaining game each Monte Carlo draw plays twice (the regime before the shock, and the elite after it): the
/// SMP run to KTAB's stopping rule, final positions only (<see cref="SpatialModelOfPolitics.RunFinalPositions"/>),
/// serial, on seeded games of the Russia example's size (19 and 11 actors, 3 dimensions).
/// Run: <c>dotnet run -c Release --project benchmarks/Interregnum.Benchmarks -- --filter '*DrawGame*'</c>.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class DrawGameBenchmarks
{
    private SmpInput[] _games = [];
    private double[] _final = [];

    /// <summary>Actors per game.</summary>
    [Params(11, 19)]
    public int Actors { get; set; } = 19;

    /// <summary>Sixteen seeded games (not measured).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _games = Enumerable.Range(0, 16).Select(s => SmpGames.Generate(Actors, 3, seed: 20261201 + s)).ToArray();
        _final = new double[Actors * 3];
    }

    /// <summary>Sixteen games, one after another on one core.</summary>
    /// <returns>The total number of turns.</returns>
    [Benchmark(OperationsPerInvoke = 16)]
    public int RunFinalPositions()
    {
        var turns = 0;
        foreach (var g in _games)
        {
            turns += SpatialModelOfPolitics.RunFinalPositions(g, null, _final);
        }

        return turns;
    }
}
