using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Interregnum.Store;

namespace Interregnum.Runs;

/// <summary>How every result document is written: the JSON settings and the program version stored with each run.</summary>
public static class RunJson
{
    /// <summary>
    /// JSON settings for every result document: snake_case keys, indented, invariant numbers, kebab-case enums.
    /// The types come from the source-generated <see cref="RunJsonContext"/> (no reflection, so the Native AOT
    /// build writes the same bytes): a type missing there fails loudly (<see cref="NotSupportedException"/>).
    /// </summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new KebabCaseEnumConverterFactory() },
        TypeInfoResolver = RunJsonContext.Default,
    };

    /// <summary>The program version recorded with each run (the informational version, with the commit when built from git).</summary>
    public static string ProgramVersion { get; } =
        typeof(RunJson).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(RunJson).Assembly.GetName().Version?.ToString(3)
        ?? "unknown";

    /// <summary>The serialization metadata of a document type under <see cref="Options"/>.</summary>
    /// <exception cref="NotSupportedException">The type is not one of <see cref="RunJsonContext"/>'s.</exception>
    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    /// <summary>Serializes a result document as every command prints it.</summary>
    public static string Serialize<T>(T document) => JsonSerializer.Serialize(document, TypeInfo<T>());

    /// <summary>Serializes a document whose type is known only at run time (its run-time type must be one of <see cref="RunJsonContext"/>'s).</summary>
    public static string SerializeObject(object document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return JsonSerializer.Serialize(document, Options.GetTypeInfo(document.GetType()));
    }

    /// <summary>Reads a result document written with <see cref="Options"/>.</summary>
    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize(json, TypeInfo<T>());
}

/// <summary>
/// Source-generated JSON metadata for every document the commands, the run store's exports and the workbench write
/// or read (issue 15: Native AOT). Used through <see cref="RunJson.Options"/>, whose settings (naming, encoder,
/// number handling, enum converter) apply at run time; metadata mode only, so those settings are the only ones.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(SimulateJson))]
[JsonSerializable(typeof(CompareJson))]
[JsonSerializable(typeof(SensitivityJson))]
[JsonSerializable(typeof(BacktestJson))]
[JsonSerializable(typeof(HorizonWeightFitJson))]
[JsonSerializable(typeof(PowerJson))]
[JsonSerializable(typeof(ExitRiskJson))]
[JsonSerializable(typeof(ExitRiskBacktestJson))]
[JsonSerializable(typeof(ShockForecastJson))]
[JsonSerializable(typeof(List<ShockForecastJson>))]
[JsonSerializable(typeof(List<OutputSensitivityJson>))]
[JsonSerializable(typeof(BargainRun.JsonRun))]
[JsonSerializable(typeof(BaseRatesJson))]
[JsonSerializable(typeof(CasesJson))]
[JsonSerializable(typeof(SurvivalJson))]
[JsonSerializable(typeof(CoxJson))]
[JsonSerializable(typeof(JonesOlkenJson))]
[JsonSerializable(typeof(DatasetsJson))]
[JsonSerializable(typeof(IReadOnlyList<RunSummary>))]
[JsonSerializable(typeof(RunDiff))]
[JsonSerializable(typeof(RunExport))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class RunJsonContext : JsonSerializerContext;
