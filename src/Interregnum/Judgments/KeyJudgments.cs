using System.Globalization;
using Interregnum.Model;
using Interregnum.Simulation;

namespace Interregnum.Judgments;

/// <summary>Analytic confidence in a judgment, lowest first.</summary>
public enum ConfidenceLevel
{
    /// <summary>The inputs move the answer across most of the scale, or the model has not shown skill.</summary>
    Low,

    /// <summary>The answer moves across three estimative bands, or the model's skill is not clear of zero.</summary>
    Moderate,

    /// <summary>The answer stays within two neighbouring bands and the model has measured skill clear of zero.</summary>
    High,
}

/// <summary>The model's measured skill on past cases, as a backtest reports it.</summary>
/// <param name="Cases">Number of past cases scored.</param>
/// <param name="Gain">The Brier skill over <paramref name="Reference"/>, 1 − the forecast's Brier score / the reference's (positive: better; 0: no better).</param>
/// <param name="Low">Lower end of the 90% interval of <paramref name="Gain"/>, or null when none was recorded.</param>
/// <param name="High">Upper end of the 90% interval of <paramref name="Gain"/>, or null when none was recorded.</param>
/// <param name="Reference">What the model was compared with, in words (e.g. "equal odds").</param>
/// <param name="Subject">The forecast that was scored, in words (e.g. "the forecast blended with the outside view").</param>
public sealed record SkillEvidence(int Cases, double Gain, double? Low, double? High, string Reference, string Subject);

/// <summary>The input a judgment rests on most.</summary>
/// <param name="Input">Input path.</param>
/// <param name="Words">The input in words.</param>
/// <param name="Share">Its first-order share of the output's variance (0–1).</param>
public sealed record MainAssumption(string Input, string Words, double Share);

/// <summary>One key judgment, in ICD 203 words with the number beside them.</summary>
/// <param name="Output">The headline output it reads (e.g. <c>p_candidate.mishustin</c>, <c>p_contested</c>).</param>
/// <param name="Statement">What is judged, e.g. "Mikhail Mishustin prevails".</param>
/// <param name="Probability">Mean over draws (0–1).</param>
/// <param name="Words">The estimative term for <paramref name="Probability"/>.</param>
/// <param name="InputLow">5th percentile over draws of the per-draw probability: the headline range from the uncertain inputs.</param>
/// <param name="InputHigh">95th percentile over draws of the per-draw probability.</param>
/// <param name="MonteCarloError">Monte Carlo standard error of <paramref name="Probability"/> (precision, not uncertainty about the world).</param>
/// <param name="Confidence">Analytic confidence.</param>
/// <param name="ConfidenceReason">Why that confidence, in words.</param>
/// <param name="Assumption">The input it rests on most (null without a sensitivity analysis).</param>
/// <param name="Sentence">The judgment as one paragraph for a reader.</param>
public sealed record KeyJudgment(
    string Output,
    string Statement,
    double Probability,
    string Words,
    double InputLow,
    double InputHigh,
    double MonteCarloError,
    ConfidenceLevel Confidence,
    string ConfidenceReason,
    MainAssumption? Assumption,
    string Sentence);

/// <summary>
/// Builds the key judgments of a forecast: the leading candidate, the runner-up and whether the succession is
/// contested, each in ICD 203 words with the number, the range from the uncertain inputs, a confidence level and
/// the main assumption.
/// <para>
/// Confidence is the lower of two grades. Spread: the number of estimative bands the 5–95% input range touches
/// (one or two: high; three: moderate; four or more: low), because a judgment whose words change across plausible
/// inputs cannot be held firmly. Skill: no measured skill, or a mean gain ≤ 0 over the reference: low; a positive gain
/// whose 90% interval includes 0: moderate; a gain clear of 0: high. ICD 203 asks that confidence be stated
/// separately from likelihood; the sentence does so.
/// </para>
/// </summary>
public static class KeyJudgments
{
    /// <summary>The key judgments for one shock's forecast.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="result">The forecast.</param>
    /// <param name="sensitivity">The same shock's sensitivity analysis (for the main assumption), or null.</param>
    /// <param name="winnerSkill">The model's measured skill on who prevails, or null when none is known.</param>
    /// <param name="contestedSkill">The model's measured skill on whether the succession is contested, or null when none is known.</param>
    public static IReadOnlyList<KeyJudgment> Build(Scenario scenario, SimulationResult result, SensitivityResult? sensitivity, SkillEvidence? winnerSkill, SkillEvidence? contestedSkill)
    {
        var list = new List<KeyJudgment>();
        if (result.IncumbentStays)
        {
            return list;
        }

        var ranked = result.Candidates.OrderByDescending(c => c.Estimate.Probability).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        foreach (var c in ranked.Take(2))
        {
            list.Add(Judge(scenario, $"p_candidate.{c.Id}", $"{c.Label} prevails", c.Estimate, sensitivity, winnerSkill));
        }

        list.Add(Judge(scenario, "p_contested", "the succession is contested", result.Contested, sensitivity, contestedSkill));
        return list;
    }

    /// <summary>The confidence grade and its reason for an input range and the model's skill.</summary>
    public static (ConfidenceLevel Level, string Reason) Confidence(double inputLow, double inputHigh, SkillEvidence? skill)
    {
        var bands = EstimativeProbability.BandsSpanned(inputLow, inputHigh);
        var spread = bands <= 2 ? ConfidenceLevel.High : bands == 3 ? ConfidenceLevel.Moderate : ConfidenceLevel.Low;
        var spreadText = bands == 1
            ? "the uncertain inputs leave it in one estimative band"
            : string.Create(CultureInfo.InvariantCulture, $"the uncertain inputs move it across {bands} estimative bands");
        ConfidenceLevel fromSkill;
        string skillText;
        if (skill is null)
        {
            fromSkill = ConfidenceLevel.Low;
            skillText = "the model's skill has not been measured";
        }
        else
        {
            // Without an interval a positive skill cannot be called clear of zero.
            var clear = skill.Low is > 0;
            fromSkill = skill.Gain <= 0 ? ConfidenceLevel.Low : clear ? ConfidenceLevel.High : ConfidenceLevel.Moderate;
            var verdict = skill.Gain <= 0 ? "did not beat" : clear ? "beat" : "beat, though not clearly,";
            var interval = skill is { Low: { } lo, High: { } hi }
                ? string.Create(CultureInfo.InvariantCulture, $", 90% interval {lo:+0.00;-0.00;0.00} to {hi:+0.00;-0.00;0.00}")
                : "";
            skillText = string.Create(CultureInfo.InvariantCulture, $"on {skill.Cases} past successions {skill.Subject} {verdict} {skill.Reference} (Brier skill {skill.Gain:+0.00;-0.00;0.00}{interval})");
        }

        var level = (ConfidenceLevel)Math.Min((int)spread, (int)fromSkill);
        return (level, $"{spreadText}; {skillText}");
    }

    private static KeyJudgment Judge(Scenario s, string output, string statement, ProbabilityEstimate e, SensitivityResult? sensitivity, SkillEvidence? skill)
    {
        var words = EstimativeProbability.Words(e.Probability);
        var (level, reason) = Confidence(e.SpreadLow, e.SpreadHigh, skill);
        MainAssumption? assumption = null;
        var importance = sensitivity?.Outputs.FirstOrDefault(o => o.Output.Id == output)?.Importance;
        var top = importance is { Count: > 0 } ? importance[0] : null;
        if (top is not null && top.Index > 0)
        {
            assumption = new MainAssumption(top.Input, InputNames.Describe(s, top.Input), top.Index);
        }

        var sentence = string.Create(
            CultureInfo.InvariantCulture,
            $"It is {words} ({EstimativeProbability.Percent(e.Probability)}; {EstimativeProbability.PercentRange(e.SpreadLow, e.SpreadHigh)} across the uncertain inputs) that {statement}. ");
        sentence += $"{level} confidence: {reason}.";
        if (assumption is not null)
        {
            sentence += string.Create(CultureInfo.InvariantCulture, $" Main assumption: {assumption.Words} (about {EstimativeProbability.Percent(assumption.Share)} of the variance).");
        }

        return new KeyJudgment(output, statement, e.Probability, words, e.SpreadLow, e.SpreadHigh, e.StandardError, level, reason, assumption, sentence);
    }
}
