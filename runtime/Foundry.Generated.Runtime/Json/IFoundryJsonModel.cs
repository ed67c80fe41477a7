using System.Text.Json;

namespace Foundry.Generated.Runtime;

/// <summary>A generated type that writes itself as JSON without reflection.</summary>
public interface IFoundryJsonWritable
{
    /// <summary>Writes this value as one JSON value (object, array, string, ...).</summary>
    void WriteJson(Utf8JsonWriter writer, FoundryWireOptions options);
}

/// <summary>A generated type that reads itself from JSON without reflection.</summary>
public interface IFoundryJsonReadable<TSelf> where TSelf : IFoundryJsonReadable<TSelf>
{
    /// <summary>
    /// Reads one JSON value. On entry the reader is positioned on the value's first token
    /// (already advanced with <c>Read()</c>); on exit it is on the value's last token.
    /// </summary>
    static abstract TSelf ReadJson(ref Utf8JsonReader reader);

    /// <summary>
    /// As <see cref="ReadJson(ref Utf8JsonReader)"/>, taking strings that repeat from event to event (ids, model
    /// names) from <paramref name="strings"/>, which belongs to one stream. Generated types pass it on to the values
    /// they contain.
    /// </summary>
    static virtual TSelf ReadJson(ref Utf8JsonReader reader, FoundryStringCache? strings) => TSelf.ReadJson(ref reader);
}

/// <summary>A generated type that round-trips through JSON.</summary>
public interface IFoundryJsonModel<TSelf> : IFoundryJsonWritable, IFoundryJsonReadable<TSelf>
    where TSelf : IFoundryJsonModel<TSelf>
{
}
