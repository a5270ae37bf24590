using System.Text.Json.Serialization;

namespace Interregnum.Scenarios;

/// <summary>Source-generated JSON metadata (default settings) for the strings the KTAB mapping quotes (issue 15: no reflection in the Native AOT build).</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class ScenarioJsonContext : JsonSerializerContext;
