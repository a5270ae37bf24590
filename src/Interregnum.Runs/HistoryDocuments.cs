using Interregnum.History.ReferenceClasses;
using Interregnum.History.Replication;
using Interregnum.History.Survival;
using Interregnum.Statistics;

namespace Interregnum.Runs;

// The `history ... --format json` documents. Named records (not anonymous types) so that the source-generated
// serializer (RunJsonContext) knows them ahead of time; the property order is the JSON key order.

/// <summary>The <c>history base-rates --format json</c> document. Immutable.</summary>
public sealed record BaseRatesJson(ReferenceClass ReferenceClass, string Description, string Interval, int SkippedRows, IReadOnlyList<BaseRateRowJson> BaseRates, IReadOnlyList<string> NoCases);

/// <summary>One base rate of <see cref="BaseRatesJson"/> (the cases are left out). Immutable.</summary>
public sealed record BaseRateRowJson(string Outcome, string Category, string Label, string Dataset, int K, int N, double Rate, double Lower, double Upper, double Level, string Method, IReadOnlyList<string> Notes);

/// <summary>The <c>history cases --format json</c> document. Immutable.</summary>
public sealed record CasesJson(ReferenceClass ReferenceClass, string Description, BaseRate BaseRate);

/// <summary>The <c>history survival --format json</c> document. Immutable.</summary>
public sealed record SurvivalJson(SurvivalGrouping By, string Band, IReadOnlyList<SurvivalGroupJson> Groups);

/// <summary>One group's tenure curve in <see cref="SurvivalJson"/> (tenure in years). Immutable.</summary>
public sealed record SurvivalGroupJson(string Group, int Spells, int Exits, int IrregularExits, double LeaderYears, double IrregularExitsPer100LeaderYears, double? MedianTenureYears, IReadOnlyList<SurvivalStep> Tenure);

/// <summary>The <c>history survival --cox --format json</c> document. Immutable.</summary>
public sealed record CoxJson(string Event, string Ties, int Subjects, int Events, double LogPartialLikelihood, double LikelihoodRatio, IReadOnlyList<CoxCoefficient> Coefficients);

/// <summary>The <c>history replicate jones-olken --format json</c> document. Immutable.</summary>
public sealed record JonesOlkenJson(string Source, int SkippedRows, IReadOnlyList<JonesOlkenTableJson> Tables);

/// <summary>One replicated table of <see cref="JonesOlkenJson"/>, with the published value of each term (null where none). Immutable.</summary>
public sealed record JonesOlkenTableJson(string Table, int N, int K, int Clusters, double RSquared, IReadOnlyList<string> DroppedTerms, IReadOnlyList<Coefficient> Coefficients, IReadOnlyList<PublishedTerm?> Published);

/// <summary>The <c>history datasets --format json</c> document. Immutable.</summary>
public sealed record DatasetsJson(string? DataFolder, IReadOnlyList<DatasetJson> Datasets);

/// <summary>One dataset of <see cref="DatasetsJson"/> and whether its files are in the data folder. Immutable.</summary>
public sealed record DatasetJson(string Key, string Name, string Folder, IReadOnlyList<string> Files, string Origin, string Citation, bool Present);
