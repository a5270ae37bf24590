using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Interregnum.Runs;

/// <summary>How every result document is written: the JSON settings and the program version stored with each run.</summary>
public static class RunJson
{
    /// <summary>JSON settings for every result document: snake_case keys, indented, invariant numbers, kebab-case enums.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>The program version recorded with each run (the informational version, with the commit when built from git).</summary>
    public static string ProgramVersion { get; } =
        typeof(RunJson).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(RunJson).Assembly.GetName().Version?.ToString(3)
        ?? "unknown";

    /// <summary>Serializes a result document as every command prints it.</summary>
    public static string Serialize<T>(T document) => JsonSerializer.Serialize(document, Options);
}
