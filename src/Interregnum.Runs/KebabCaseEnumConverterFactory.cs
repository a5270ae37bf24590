using System.Text.Json;
using System.Text.Json.Serialization;

namespace Interregnum.Runs;

/// <summary>
/// Writes and reads every enum of the result documents as its kebab-case name (<c>natural-death</c>), as the
/// reflection-based <c>JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower)</c> did, but through the generic
/// converter per enum type, which Native AOT can compile ahead of time (issue 15). An enum not listed here fails
/// loudly (<see cref="NotSupportedException"/>) rather than being written as a number.
/// </summary>
internal sealed class KebabCaseEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) => typeToConvert switch
    {
        var t when t == typeof(Interregnum.Backtesting.ContestedForm) => Create<Interregnum.Backtesting.ContestedForm>(options),
        var t when t == typeof(Interregnum.Backtesting.PolicyDirection) => Create<Interregnum.Backtesting.PolicyDirection>(options),
        var t when t == typeof(Interregnum.Backtesting.WinnerPoolForm) => Create<Interregnum.Backtesting.WinnerPoolForm>(options),
        var t when t == typeof(Interregnum.Bargaining.BargnModel) => Create<Interregnum.Bargaining.BargnModel>(options),
        var t when t == typeof(Interregnum.Bargaining.BigRAdjust) => Create<Interregnum.Bargaining.BigRAdjust>(options),
        var t when t == typeof(Interregnum.Bargaining.BigRRange) => Create<Interregnum.Bargaining.BigRRange>(options),
        var t when t == typeof(Interregnum.Bargaining.EuConflict) => Create<Interregnum.Bargaining.EuConflict>(options),
        var t when t == typeof(Interregnum.Bargaining.EuMoveKind) => Create<Interregnum.Bargaining.EuMoveKind>(options),
        var t when t == typeof(Interregnum.Bargaining.EuProbability) => Create<Interregnum.Bargaining.EuProbability>(options),
        var t when t == typeof(Interregnum.Bargaining.EuQForm) => Create<Interregnum.Bargaining.EuQForm>(options),
        var t when t == typeof(Interregnum.Bargaining.EuRange) => Create<Interregnum.Bargaining.EuRange>(options),
        var t when t == typeof(Interregnum.Bargaining.EuRisk) => Create<Interregnum.Bargaining.EuRisk>(options),
        var t when t == typeof(Interregnum.Bargaining.EuSelect) => Create<Interregnum.Bargaining.EuSelect>(options),
        var t when t == typeof(Interregnum.Bargaining.EuVote) => Create<Interregnum.Bargaining.EuVote>(options),
        var t when t == typeof(Interregnum.Bargaining.InterVecBrgn) => Create<Interregnum.Bargaining.InterVecBrgn>(options),
        var t when t == typeof(Interregnum.Bargaining.PceModel) => Create<Interregnum.Bargaining.PceModel>(options),
        var t when t == typeof(Interregnum.Bargaining.StateTransitions) => Create<Interregnum.Bargaining.StateTransitions>(options),
        var t when t == typeof(Interregnum.Bargaining.ThirdPartyCommit) => Create<Interregnum.Bargaining.ThirdPartyCommit>(options),
        var t when t == typeof(Interregnum.Bargaining.VictoryProbabilityModel) => Create<Interregnum.Bargaining.VictoryProbabilityModel>(options),
        var t when t == typeof(Interregnum.Bargaining.VotingRule) => Create<Interregnum.Bargaining.VotingRule>(options),
        var t when t == typeof(Interregnum.History.ExitRisk.ExitManner) => Create<Interregnum.History.ExitRisk.ExitManner>(options),
        var t when t == typeof(Interregnum.History.ExitRisk.ExitRegime) => Create<Interregnum.History.ExitRisk.ExitRegime>(options),
        var t when t == typeof(Interregnum.History.ExitRisk.IrregularKind) => Create<Interregnum.History.ExitRisk.IrregularKind>(options),
        var t when t == typeof(Interregnum.History.Survival.SurvivalGrouping) => Create<Interregnum.History.Survival.SurvivalGrouping>(options),
        var t when t == typeof(Interregnum.Judgments.ConfidenceLevel) => Create<Interregnum.Judgments.ConfidenceLevel>(options),
        var t when t == typeof(Interregnum.Judgments.EstimativeTerm) => Create<Interregnum.Judgments.EstimativeTerm>(options),
        var t when t == typeof(Interregnum.Model.DistributionKind) => Create<Interregnum.Model.DistributionKind>(options),
        var t when t == typeof(Interregnum.Model.EffectTarget) => Create<Interregnum.Model.EffectTarget>(options),
        var t when t == typeof(Interregnum.Model.ExitLocation) => Create<Interregnum.Model.ExitLocation>(options),
        var t when t == typeof(Interregnum.Model.ExitManner) => Create<Interregnum.Model.ExitManner>(options),
        var t when t == typeof(Interregnum.Model.IndicatorDirection) => Create<Interregnum.Model.IndicatorDirection>(options),
        var t when t == typeof(Interregnum.Model.SelectionRule) => Create<Interregnum.Model.SelectionRule>(options),
        var t when t == typeof(Interregnum.Model.TieType) => Create<Interregnum.Model.TieType>(options),
        var t when t == typeof(Interregnum.Reports.NetworkNodeKind) => Create<Interregnum.Reports.NetworkNodeKind>(options),
        var t when t == typeof(Interregnum.Runs.RunFailure) => Create<Interregnum.Runs.RunFailure>(options),
        var t when t == typeof(Interregnum.Simulation.PolicyModel) => Create<Interregnum.Simulation.PolicyModel>(options),
        var t when t == typeof(Interregnum.Store.RunKind) => Create<Interregnum.Store.RunKind>(options),
        var t when t == typeof(Interregnum.Store.RunStoreBackend) => Create<Interregnum.Store.RunStoreBackend>(options),
        _ => throw new NotSupportedException($"enum {typeToConvert} has no JSON converter: add it to {nameof(KebabCaseEnumConverterFactory)}"),
    };

    private static JsonConverter Create<T>(JsonSerializerOptions options)
        where T : struct, Enum =>
        new JsonStringEnumConverter<T>(JsonNamingPolicy.KebabCaseLower).CreateConverter(typeof(T), options);
}
