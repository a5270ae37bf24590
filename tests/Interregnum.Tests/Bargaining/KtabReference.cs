using System.Globalization;
using Interregnum.Bargaining;
using Interregnum.Testing;

namespace Interregnum.Tests.Bargaining;

/// <summary>
/// Reads the KTAB test vectors vendored in tests/ktab-smp with a deliberately small parser of its own
/// (independent of the production CSV reader in Interregnum.Scenarios).
/// </summary>
internal static class KtabReference
{
    public const string Folder = "ktab-smp";

    public static SmpInput Input(string scenario)
    {
        var lines = File.ReadAllLines(TestData.Vendored(Folder, "inputs", scenario + ".csv"))
            .Where(l => l.Trim().Length > 0)
            .ToArray();
        var first = Split(lines[0]);
        int n = int.Parse(first[2], CultureInfo.InvariantCulture);
        int d = int.Parse(first[3], CultureInfo.InvariantCulture);
        var header = Split(lines[1]);
        var dims = Enumerable.Range(0, d).Select(k => header[3 + (2 * k)]).ToArray();
        var names = new string[n];
        var cap = new double[n];
        var pos = new double[n * d];
        var sal = new double[n * d];
        for (int i = 0; i < n; i++)
        {
            var f = Split(lines[2 + i]);
            names[i] = f[0];
            cap[i] = Number(f[2]);
            for (int k = 0; k < d; k++)
            {
                pos[(i * d) + k] = Number(f[3 + (2 * k)]);
                sal[(i * d) + k] = Number(f[4 + (2 * k)]);
            }
        }

        return new SmpInput(names, dims, cap, pos, sal);
    }

    /// <summary>KTAB's printed history: positions[turn][actor·D + dim] (0–100, one decimal) and probabilities[turn][actor].</summary>
    public static (double[][] Positions, double[][] Probabilities) History(string scenario, int actors, int dims)
    {
        var lines = File.ReadAllLines(TestData.Vendored(Folder, "expected", scenario + ".history.txt"));
        int probHeader = Array.FindIndex(lines, l => l.StartsWith("History of actors' winning probabilities", StringComparison.Ordinal));
        var positionRows = lines[1..probHeader].Where(l => l.Trim().Length > 0).Select(Values).ToArray();
        var probabilityRows = lines[(probHeader + 1)..].Where(l => l.Trim().Length > 0).Select(Values).ToArray();
        if (positionRows.Length != actors * dims || probabilityRows.Length != actors)
        {
            throw new InvalidDataException($"{scenario}: expected {actors * dims} position rows and {actors} probability rows; found {positionRows.Length} and {probabilityRows.Length}.");
        }

        int states = positionRows[0].Length;
        var positions = new double[states][];
        var probabilities = new double[states][];
        for (int t = 0; t < states; t++)
        {
            positions[t] = [.. positionRows.Select(r => r[t])];
            probabilities[t] = [.. probabilityRows.Select(r => r[t])];
        }

        return (positions, probabilities);
    }

    /// <summary>The printed stop-trace ratios, one per turn.</summary>
    public static double[] StopTrace(string scenario) =>
        [.. File.ReadAllLines(TestData.Vendored(Folder, "expected", scenario + ".stoptrace.txt"))
            .Where(l => l.Contains("Fractional change", StringComparison.Ordinal))
            .Select(l => Number(l.Split(':')[1].Trim().Split(' ')[0]))];

    public static double Number(string text) => double.Parse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static double[] Values(string line) =>
        [.. line[(line.LastIndexOf(':') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Number)];

    private static string[] Split(string line) => [.. line.Split(',').Select(f => f.Trim().Trim('"'))];
}
