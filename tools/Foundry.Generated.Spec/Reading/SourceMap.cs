using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace Foundry.Generated.Spec.Reading;

/// <summary>
/// Where each node of a parsed upstream document starts in its file, keyed by node identity (the readers build the
/// tree, so every object, array and value they create is recorded). Nodes made later, or a document built in memory,
/// have no entry; <see cref="Find"/> then falls back to the nearest recorded ancestor.
/// </summary>
public sealed class SourceMap
{
    private readonly Dictionary<JsonNode, SourcePosition> _positions = new Dictionary<JsonNode, SourcePosition>(ReferenceComparer.Instance);

    public int Count => _positions.Count;

    public void Add(JsonNode node, SourcePosition position) => _positions[node] = position;

    public void Clear() => _positions.Clear();

    /// <summary>The position of <paramref name="node"/> or of its nearest ancestor that has one.</summary>
    public SourcePosition? Find(JsonNode? node)
    {
        for (var current = node; current != null; current = current.Parent)
        {
            if (_positions.TryGetValue(current, out var position))
            {
                return position;
            }
        }

        return null;
    }

    private sealed class ReferenceComparer : IEqualityComparer<JsonNode>
    {
        public static readonly ReferenceComparer Instance = new ReferenceComparer();

        public bool Equals(JsonNode? x, JsonNode? y) => ReferenceEquals(x, y);

        public int GetHashCode(JsonNode obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
