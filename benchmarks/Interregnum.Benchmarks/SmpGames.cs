using System.Globalization;
using Interregnum.Bargaining;
using Interregnum.Scenarios.Ktab;

namespace Interregnum.Benchmarks;

/// <summary>The games the SMP benchmarks run: KTAB's example inputs (vendored in tests/ktab-smp) and a seeded 250-actor game.</summary>
public static class SmpGames
{
    /// <summary>Name of the generated 250-actor game.</summary>
    public const string Generated250 = "generated-250";

    /// <summary>A game by name: a KTAB example input (file name without .csv) or <see cref="Generated250"/>.</summary>
    /// <param name="name">The game.</param>
    /// <returns>The input.</returns>
    public static SmpInput Load(string name)
    {
        if (name == Generated250)
        {
            return Generate(250, 2, seed: 20261129);
        }

        // KTAB's reference games are vendored under tests/ktab-smp, so the benchmarks need no data folder.
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Interregnum.slnx")))
        {
            dir = dir.Parent;
        }

        var root = dir?.FullName ?? throw new InvalidOperationException("Run the benchmarks from inside the repository (Interregnum.slnx not found above " + AppContext.BaseDirectory + ").");
        var read = KtabCsv.Read(Path.Combine(root, "tests", "ktab-smp", "inputs", name + ".csv"));
        return read.Succeeded ? read.Game!.ToSmpInput() : throw new InvalidDataException(string.Join("; ", read.Errors));
    }

    /// <summary>
    /// A random game like KTAB's dummy data: capability uniform on [10, 200], positions uniform on [0, 100],
    /// per actor a total salience uniform on [75, 99] split over the dimensions (as KTAB's SMPActor::randomize).
    /// </summary>
    /// <param name="actors">Number of actors.</param>
    /// <param name="dimensions">Number of dimensions.</param>
    /// <param name="seed">Seed; the game depends on it alone.</param>
    /// <returns>The game.</returns>
    public static SmpInput Generate(int actors, int dimensions, int seed)
    {
        var rng = new Random(seed);
        var names = Enumerable.Range(0, actors).Select(i => "G" + i.ToString("D3", CultureInfo.InvariantCulture)).ToArray();
        var dims = Enumerable.Range(0, dimensions).Select(k => "Dim" + k.ToString(CultureInfo.InvariantCulture)).ToArray();
        var cap = new double[actors];
        var pos = new double[actors * dimensions];
        var sal = new double[actors * dimensions];
        for (int i = 0; i < actors; i++)
        {
            cap[i] = Math.Round(10 + (190 * rng.NextDouble()), 2);
            double total = 75 + (24 * rng.NextDouble());
            var raw = Enumerable.Range(0, dimensions).Select(_ => 0.1 + (0.9 * rng.NextDouble())).ToArray();
            double sum = raw.Sum();
            for (int k = 0; k < dimensions; k++)
            {
                pos[(i * dimensions) + k] = Math.Round(100 * rng.NextDouble(), 2);
                sal[(i * dimensions) + k] = Math.Round(total * raw[k] / sum, 2);
            }
        }

        return new SmpInput(names, dims, cap, pos, sal);
    }
}
