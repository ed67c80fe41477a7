using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Generated.Consumer.Tests.Structured;

public enum Sky
{
    Clear,
    Cloudy,
    Rain,
}

public sealed class Forecast
{
    public required string City { get; init; }

    public required int HighCelsius { get; init; }

    public Sky Sky { get; init; }

    public string? Note { get; init; }

    public List<Day> Days { get; init; } = new();
}

public sealed class Day
{
    public required string Name { get; init; }

    public double? RainMillimetres { get; init; }
}

public sealed class WithDictionary
{
    public Dictionary<string, int> Counts { get; init; } = new();
}

public sealed class WithAny
{
    public JsonElement Payload { get; init; }
}

public sealed class Node
{
    public string Name { get; init; } = "";

    public Node? Next { get; init; }
}

[JsonSourceGenerationOptions(UseStringEnumConverter = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Forecast))]
[JsonSerializable(typeof(WithDictionary))]
[JsonSerializable(typeof(WithAny))]
[JsonSerializable(typeof(Node))]
[JsonSerializable(typeof(int[]))]
internal sealed partial class StructuredJson : JsonSerializerContext
{
}
