namespace Foundry.Generated.Runtime
{
    /// <summary>
    /// Sets a value in a JSON tree at a normalised JSON path (RFC 9535 subset Gemini's <c>partialArgs</c> use:
    /// <c>$</c>, then <c>.name</c>, <c>['name']</c> / <c>["name"]</c> and <c>[index]</c> segments), creating the objects
    /// and arrays on the way. Shared by the stream accumulator and the IChatClient adapters (Foundry.Generated.Hosting).
    /// </summary>
    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
    public static class FoundryJsonPath
    {
        /// <summary>
        /// Sets <paramref name="value"/> at <paramref name="path"/> under <paramref name="root"/>; with
        /// <paramref name="append"/> a string is appended to a string already there. Returns why it could not (a path
        /// it cannot read, or one through a value of another kind), or null.
        /// </summary>
        public static string? Set(global::System.Text.Json.Nodes.JsonObject root, string? path, global::System.Text.Json.Nodes.JsonNode? value, bool append)
        {
            var segments = Parse(path);
            if (segments is null || segments.Count == 0)
            {
                return $"unsupported JSON path '{path}'";
            }

            global::System.Text.Json.Nodes.JsonNode parent = root;
            for (var i = 0; i < segments.Count; i++)
            {
                var segment = segments[i];
                var last = i == segments.Count - 1;
                global::System.Text.Json.Nodes.JsonNode? child;
                if (segment.Name is { } name)
                {
                    if (parent is not global::System.Text.Json.Nodes.JsonObject obj)
                    {
                        return $"'{path}' names a property of a value that is not an object";
                    }

                    if (last)
                    {
                        obj[name] = Joined(obj[name], value, append);
                        return null;
                    }

                    child = obj[name];
                    if (child is null)
                    {
                        obj[name] = child = Container(segments[i + 1]);
                    }
                }
                else
                {
                    if (parent is not global::System.Text.Json.Nodes.JsonArray array)
                    {
                        return $"'{path}' indexes a value that is not an array";
                    }

                    // Elements stream in order, so an index is an existing element or the next one; a gap is refused
                    // rather than padded (a wild index must not allocate).
                    if (segment.Index > array.Count)
                    {
                        return $"'{path}' skips elements of an array of {array.Count}";
                    }

                    if (segment.Index == array.Count)
                    {
                        array.Add(null);
                    }

                    if (last)
                    {
                        array[segment.Index] = Joined(array[segment.Index], value, append);
                        return null;
                    }

                    child = array[segment.Index];
                    if (child is null)
                    {
                        array[segment.Index] = child = Container(segments[i + 1]);
                    }
                }

                parent = child;
            }

            return null;
        }

        private static global::System.Text.Json.Nodes.JsonNode? Joined(global::System.Text.Json.Nodes.JsonNode? existing, global::System.Text.Json.Nodes.JsonNode? value, bool append)
        {
            if (append && existing is global::System.Text.Json.Nodes.JsonValue before && before.GetValueKind() == global::System.Text.Json.JsonValueKind.String
                && value is global::System.Text.Json.Nodes.JsonValue piece && piece.GetValueKind() == global::System.Text.Json.JsonValueKind.String)
            {
                return global::System.Text.Json.Nodes.JsonValue.Create(before.GetValue<string>() + piece.GetValue<string>());
            }

            return value;
        }

        private static global::System.Text.Json.Nodes.JsonNode Container(Segment next)
            => next.Name is null ? new global::System.Text.Json.Nodes.JsonArray() : new global::System.Text.Json.Nodes.JsonObject();

        // The segments of a path, or null when it is not one this reads.
        private static global::System.Collections.Generic.List<Segment>? Parse(string? path)
        {
            if (path is null || path.Length == 0 || path[0] != '$')
            {
                return null;
            }

            var segments = new global::System.Collections.Generic.List<Segment>();
            var i = 1;
            while (i < path.Length)
            {
                if (path[i] == '.')
                {
                    var start = ++i;
                    while (i < path.Length && path[i] != '.' && path[i] != '[')
                    {
                        i++;
                    }

                    if (i == start)
                    {
                        return null;
                    }

                    segments.Add(new Segment(path.Substring(start, i - start), 0));
                }
                else if (path[i] == '[' && i + 1 < path.Length && (path[i + 1] == '\'' || path[i + 1] == '"'))
                {
                    var quote = path[i + 1];
                    var name = new global::System.Text.StringBuilder();
                    i += 2;
                    while (i < path.Length && path[i] != quote)
                    {
                        if (path[i] == '\\' && i + 1 < path.Length)
                        {
                            i++;
                        }

                        name.Append(path[i++]);
                    }

                    if (i + 1 >= path.Length || path[i + 1] != ']')
                    {
                        return null;
                    }

                    i += 2;
                    segments.Add(new Segment(name.ToString(), 0));
                }
                else if (path[i] == '[')
                {
                    var start = ++i;
                    while (i < path.Length && path[i] >= '0' && path[i] <= '9')
                    {
                        i++;
                    }

                    if (i == start || i >= path.Length || path[i] != ']'
                        || !int.TryParse(path.Substring(start, i - start), global::System.Globalization.NumberStyles.None, global::System.Globalization.CultureInfo.InvariantCulture, out var index))
                    {
                        return null;
                    }

                    i++;
                    segments.Add(new Segment(null, index));
                }
                else
                {
                    return null;
                }
            }

            return segments;
        }

        private readonly struct Segment
        {
            public Segment(string? name, int index)
            {
                Name = name;
                Index = index;
            }

            /// <summary>The property name, or null for an array index.</summary>
            public string? Name { get; }

            public int Index { get; }
        }
    }
}
