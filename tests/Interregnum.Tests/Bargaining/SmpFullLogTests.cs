using System.Globalization;
using System.Text.RegularExpressions;
using Interregnum.Bargaining;
using Interregnum.Testing;
using Xunit;

namespace Interregnum.Tests.Bargaining;

/// <summary>
/// Turn-0 intermediates of KTAB's complete log of dummyData_3Dim (tests/ktab-smp/expected, vendored from shared/data/ktab_smp_examples/
/// dummyData_3Dim.fulllog.txt), compared to the printed precision: half a unit of the last printed digit.
/// </summary>
public sealed partial class SmpFullLogTests
{
    private static string[] TurnZero()
    {
        var lines = File.ReadAllLines(TestData.Vendored(KtabReference.Folder, "expected", "dummyData_3Dim.fulllog.txt"));
        int start = Array.FindIndex(lines, l => l.StartsWith("Starting Model::run iteration 1", StringComparison.Ordinal));
        int end = Array.FindIndex(lines, start, l => l.StartsWith("Bargains to be resolved", StringComparison.Ordinal));
        return lines[start..end];
    }

    private static double[] Block(string[] lines, string title, int rows)
    {
        int at = Array.FindIndex(lines, l => l.StartsWith(title, StringComparison.Ordinal));
        Assert.True(at >= 0, "block not found: " + title);
        return [.. lines[(at + 1)..(at + 1 + rows)].SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(KtabReference.Number)];
    }

    [Fact]
    public void AnalyseInitialState_DummyData3Dim_MatchesKtabUtilitiesAndRisk()
    {
        // Given
        var log = TurnZero();
        var neutral = Block(log, "Raw actor-pos value matrix (risk neutral)", 7);          // %+.3f
        var risk = Block(log, "Inferred risk attitudes:", 7);                              // %+.3f
        var objective = Block(log, "Risk-aware actor-pos utility matrix (objective):", 7); // %+.4f

        // When
        var analysis = SpatialModelOfPolitics.AnalyseInitialState(KtabReference.Input("dummyData_3Dim"));

        // Then
        for (int x = 0; x < 49; x++)
        {
            Assert.Equal(neutral[x], analysis.RiskNeutralUtilities[x], 5e-4 + 1e-9);
            Assert.Equal(objective[x], analysis.OwnUtilities[x], 5e-5 + 1e-9);
        }

        for (int i = 0; i < 7; i++)
        {
            Assert.Equal(risk[i], analysis.RiskAttitudes[i], 5e-4 + 1e-9);
        }
    }

    [Fact]
    public void AnalyseInitialState_DummyData3Dim_MatchesKtabChallengesAndBargains()
    {
        // Given: "In turn 0 actor i has most advantageous target j", then "Est by i of prob P ... gain to i of G",
        // then "i proposes i adopt: ..." and "i proposes j adopt: ..." (%.3f on 0-100).
        var log = TurnZero();
        var analysis = SpatialModelOfPolitics.AnalyseInitialState(KtabReference.Input("dummyData_3Dim"));
        int found = 0;

        for (int l = 0; l < log.Length; l++)
        {
            var m = TargetLine().Match(log[l]);
            if (!m.Success)
            {
                continue;
            }

            int i = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            int j = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            int est = Array.FindIndex(log, l, s => s.StartsWith("Est by", StringComparison.Ordinal));
            var e = EstimateLine().Match(log[est]);
            double probability = KtabReference.Number(e.Groups[1].Value);
            double gain = KtabReference.Number(e.Groups[2].Value);
            int own = Array.FindIndex(log, l, s => s.Contains($"{i} proposes {i} adopt:", StringComparison.Ordinal));
            int other = Array.FindIndex(log, l, s => s.Contains($"{i} proposes {j} adopt:", StringComparison.Ordinal));

            // When
            var challenge = analysis.Challenges[i];

            // Then
            Assert.Equal(j, challenge.Target);
            Assert.Equal(probability, challenge.Probability, 5e-5 + 1e-9);
            Assert.Equal(gain, challenge.ExpectedGain, 5e-5 + 1e-9);
            Assert.Equal(Coordinates(log[own]), challenge.InitiatorBargain, (a, b) => Math.Abs(a - b) <= 5e-4 + 1e-9);
            Assert.Equal(Coordinates(log[other]), challenge.TargetBargain, (a, b) => Math.Abs(a - b) <= 5e-4 + 1e-9);
            found++;
        }

        Assert.Equal(7, found);
    }

    [Fact]
    public void AnalyseInitialState_ReceiverAndCompromiseBargains_MatchKtabLog()
    {
        // Given: every turn-0 challenge in the log also prints "Bargain [.., i:j] from j's perspective" and
        // "Power-weighted compromise" (%.3f on 0-100). bargaining.md §1.4 Step C: the receiver's version uses j's
        // estimate of i's expected gain in place of a probability, and the compromise weights c_i·S_i and c_i·S_j.
        var log = TurnZero();
        var input = KtabReference.Input("dummyData_3Dim");
        var both = SpatialModelOfPolitics.AnalyseInitialState(input, SmpParameters.Default with { BargnModel = BargnModel.InitRcvrInterp });
        var compromise = SpatialModelOfPolitics.AnalyseInitialState(input, SmpParameters.Default with { BargnModel = BargnModel.PWCompInterp });
        int found = 0;

        for (int l = 0; l < log.Length; l++)
        {
            var m = TargetLine().Match(log[l]);
            if (!m.Success)
            {
                continue;
            }

            int i = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            int j = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            int receiverBlock = Array.FindIndex(log, l, s => s.Contains($"from {j}'s perspective", StringComparison.Ordinal));
            int compromiseBlock = Array.FindIndex(log, l, s => s.StartsWith("Power-weighted compromise", StringComparison.Ordinal));

            // When / Then
            Assert.Equal(Coordinates(log[receiverBlock + 1]), both.Challenges[i].ReceiverViewInitiatorBargain, Close);
            Assert.Equal(Coordinates(log[receiverBlock + 2]), both.Challenges[i].ReceiverViewTargetBargain, Close);
            Assert.Equal(Coordinates(log[compromiseBlock + 1]), compromise.Challenges[i].InitiatorBargain, Close);
            Assert.Equal(Coordinates(log[compromiseBlock + 2]), compromise.Challenges[i].TargetBargain, Close);
            found++;
        }

        Assert.Equal(7, found);

        static bool Close(double a, double b) => Math.Abs(a - b) <= 5e-4 + 1e-9;
    }

    private static double[] Coordinates(string line) =>
        [.. line[(line.IndexOf("adopt:", StringComparison.Ordinal) + 6)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(KtabReference.Number)];

    [GeneratedRegex(@"^In turn 0 actor (\d+) has most advantageous target (\d+) worth")]
    private static partial Regex TargetLine();

    [GeneratedRegex(@"of prob ([0-9.]+) that .* of ([+-][0-9.]+)")]
    private static partial Regex EstimateLine();
}
