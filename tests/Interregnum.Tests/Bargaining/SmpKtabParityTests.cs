using Interregnum.Bargaining;
using Xunit;

namespace Interregnum.Tests.Bargaining;

/// <summary>
/// The SMP against KTAB's own histories (tests/ktab-smp/expected, vendored from shared/data/ktab_smp_examples, produced by KTAB smpc at
/// 3b5b063 with default parameters). Tolerances (bargaining.md §1.10): positions are printed to 0.1, so
/// |100x − printed| ≤ 0.05 + 1e-9; probabilities are printed to 4 decimals, 1e-4 (the printing error is 5e-5);
/// the stop trace to 1e-4; the number of turns exactly.
/// </summary>
public sealed class SmpKtabParityTests
{
    public static TheoryData<string, int> Scenarios => new()
    {
        { "dummyData_3Dim", 11 },
        { "SOE-Pol-Comp", 28 },
        { "SOE-Policy", 20 },
        { "dummyData_6Dim", 30 },
        { "SOE-Competitive", 36 },
        { "dummyData-a040", 21 },
        { "dummyData-a080", 18 },
        { "dummyData-a160", 14 },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Run_KtabScenario_ReproducesKtabHistory(string scenario, int states)
    {
        // Given
        var input = KtabReference.Input(scenario);
        var (positions, probabilities) = KtabReference.History(scenario, input.ActorCount, input.DimensionCount);
        var stopTrace = KtabReference.StopTrace(scenario);

        // When
        var result = SpatialModelOfPolitics.Run(input);

        // Then
        Assert.Equal(states, positions.Length);
        Assert.Equal(states, result.Turns + 1);
        Assert.Equal(stopTrace.Length, result.StopTrace.Count);
        for (int t = 0; t < states; t++)
        {
            for (int x = 0; x < positions[t].Length; x++)
            {
                double got = result.Positions[t][x];
                Assert.True(Math.Abs(got - positions[t][x]) <= 0.05 + 1e-9, $"{scenario} turn {t} actor {x / input.DimensionCount} dim {x % input.DimensionCount}: position {got} vs KTAB {positions[t][x]}");
            }

            for (int i = 0; i < input.ActorCount; i++)
            {
                double got = result.Probabilities[t][i];
                Assert.True(Math.Abs(got - probabilities[t][i]) <= 1e-4, $"{scenario} turn {t} actor {i}: probability {got} vs KTAB {probabilities[t][i]}");
            }
        }

        for (int t = 0; t < stopTrace.Length; t++)
        {
            Assert.True(Math.Abs(result.StopTrace[t] - stopTrace[t]) <= 1e-4, $"{scenario} stop trace turn {t + 1}: {result.StopTrace[t]} vs KTAB {stopTrace[t]}");
        }
    }
}
