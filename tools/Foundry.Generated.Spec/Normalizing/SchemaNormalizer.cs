using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Foundry.Generated.Spec.Sync;

namespace Foundry.Generated.Spec.Normalizing;

/// <summary>
/// Rewrites one provider's reachable schemas into the normalised dialect (docs/DESIGN.md): prefixed names,
/// nullability as type arrays or <c>anyOf [$ref, null]</c>, constants as <c>const</c>, complete discriminator
/// mappings, no prose but descriptions and deprecation (<see cref="Annotations"/>), and every inline object, enum or
/// union hoisted into a named component.
/// </summary>
internal sealed class SchemaNormalizer
{
    private readonly UpstreamSchemas _upstream;
    private readonly SortedDictionary<string, JsonObject> _output;
    private readonly Queue<string> _pending = new Queue<string>();
    private readonly HashSet<string> _seen = new HashSet<string>();

    public SchemaNormalizer(UpstreamSchemas upstream, SortedDictionary<string, JsonObject> output)
    {
        _upstream = upstream;
        _output = output;
    }

    private string Provider => _upstream.Provider;

    /// <summary>The upstream component being normalised (where an unexpected input shape is reported).</summary>
    public JsonNode? Current { get; private set; }

    /// <summary>Normalises <paramref name="name"/> and everything it reaches; returns its qualified name.</summary>
    public string Include(string name)
    {
        Enqueue(name);
        while (_pending.Count > 0)
        {
            var next = _pending.Dequeue();
            var schema = _upstream.Get(next) ?? new JsonObject();
            Current = schema;
            _output[SchemaNames.Qualified(Provider, next)] = NormalizeComponent(schema, next);
        }

        Current = null;

        return SchemaNames.Qualified(Provider, name);
    }

    private void Enqueue(string name)
    {
        if (_seen.Add(name))
        {
            _pending.Enqueue(name);
        }
    }

    private string RefTo(JsonNode upstreamReference, string where)
    {
        var name = _upstream.NameOf(upstreamReference, where);
        Enqueue(name);
        return SchemaNames.Ref(SchemaNames.Qualified(Provider, name));
    }

    /// <summary>A component keeps its own shape (objects, enums and unions are not hoisted at the top).</summary>
    private JsonObject NormalizeComponent(JsonObject schema, string owner)
    {
        var result = Normalize(schema, owner, string.Empty, topLevel: true);
        return result as JsonObject ?? new JsonObject();
    }

    /// <summary>
    /// Normalises a schema at a nested position; named shapes are hoisted and replaced by a <c>$ref</c>. A component
    /// (<paramref name="topLevel"/>) or a property (<paramref name="property"/>) keeps its description and deprecation
    /// at its own position (beside a <c>$ref</c>, on an <c>anyOf [$ref, null]</c>, in a primitive schema); a hoisted
    /// shape also carries them into its new component.
    /// </summary>
    private JsonNode Normalize(JsonNode? node, string owner, string hint, bool topLevel = false, bool property = false)
    {
        var annotations = Annotations.Of(node);
        var result = NormalizeShape(node, owner, hint, topLevel, annotations);
        if (topLevel || property)
        {
            Annotations.Apply(result, annotations);
        }

        return result;
    }

    private JsonNode NormalizeShape(JsonNode? node, string owner, string hint, bool topLevel, JsonObject? annotations)
    {
        if (node is not JsonObject schema)
        {
            // true / false / missing: any value.
            return new JsonObject();
        }

        var where = owner + (hint.Length > 0 ? "." + hint : string.Empty);
        var nullable = IsTrue(schema["nullable"]);

        if (schema["$ref"] is JsonNode reference)
        {
            return WithNull(new JsonObject { ["$ref"] = RefTo(reference, where) }, nullable);
        }

        if (schema["$recursiveRef"] != null)
        {
            Enqueue(owner);
            return WithNull(new JsonObject { ["$ref"] = SchemaNames.Ref(SchemaNames.Qualified(Provider, owner)) }, nullable);
        }

        var result = new JsonObject();
        foreach (var keyword in new[] { "oneOf", "anyOf" })
        {
            if (schema[keyword] is JsonArray members)
            {
                var union = NormalizeUnion(schema, keyword, members, owner, hint, ref nullable);
                if (union is JsonObject u && u["oneOf"] == null && u["anyOf"] == null)
                {
                    // Collapsed to a single member (nullable X or an open enum).
                    return WithNull(MaybeHoist(u, owner, hint, topLevel, annotations), nullable);
                }

                foreach (var pair in (JsonObject)union)
                {
                    result[pair.Key] = pair.Value?.DeepClone();
                }
            }
        }

        CopyScalars(schema, result, where);
        ConstFromSingleEnum(schema, result);

        if (schema["allOf"] is JsonArray parts)
        {
            var normalizedParts = new JsonArray();
            foreach (var part in parts)
            {
                if (part is JsonObject p && p["$ref"] is JsonNode r)
                {
                    normalizedParts.Add(new JsonObject { ["$ref"] = RefTo(r, where) });
                }
                else if (part is JsonObject inline)
                {
                    var inlineResult = new JsonObject();
                    CopyScalars(inline, inlineResult, where);
                    NormalizeObjectMembers(inline, inlineResult, owner, allowRequiredWithoutProperty: true);
                    normalizedParts.Add(inlineResult);
                }
            }

            result["allOf"] = normalizedParts;
            if (result["type"] == null)
            {
                result["type"] = "object";
            }
        }

        NormalizeObjectMembers(schema, result, owner, allowRequiredWithoutProperty: schema["allOf"] != null);

        if (schema["items"] is JsonNode items)
        {
            result["items"] = Normalize(items, owner, SchemaNames.Singular(hint.Length == 0 ? "Item" : hint));
        }

        if (schema["additionalProperties"] is JsonNode additional)
        {
            result["additionalProperties"] = additional is JsonValue b && b.TryGetValue<bool>(out var allowed)
                ? JsonValue.Create(allowed)
                : Normalize(additional, owner, hint + "Value");
        }

        if (result.Count == 0 && schema["type"] == null)
        {
            // Free-form value: keep it free-form (the generator maps it to raw JSON).
            return new JsonObject();
        }

        return WithNull(MaybeHoist(result, owner, hint, topLevel, annotations), nullable);
    }

    private void NormalizeObjectMembers(JsonObject schema, JsonObject result, string owner, bool allowRequiredWithoutProperty)
    {
        if (schema["properties"] is JsonObject properties)
        {
            var normalized = new JsonObject();
            // Ordinal order, not upstream order: hoisted names (numbered on a clash) and everything the walk reaches
            // must not depend on how upstream happens to order its properties.
            foreach (var pair in properties.OrderBy(p => p.Key, System.StringComparer.Ordinal))
            {
                normalized[pair.Key] = Normalize(pair.Value, owner, SchemaNames.Pascal(pair.Key), property: true);
            }

            result["properties"] = normalized;
            if (result["type"] == null)
            {
                result["type"] = "object";
            }
        }

        if (schema["required"] is JsonArray required)
        {
            var declared = result["properties"] as JsonObject;
            var kept = new JsonArray();
            foreach (var item in required)
            {
                if (item is JsonValue v && v.TryGetValue<string>(out var name)
                    && (allowRequiredWithoutProperty || (declared != null && declared.ContainsKey(name)))
                    && !kept.Any(k => k!.GetValue<string>() == name))
                {
                    kept.Add(name);
                }
            }

            if (kept.Count > 0)
            {
                result["required"] = kept;
            }
        }
    }

    private JsonNode NormalizeUnion(JsonObject schema, string keyword, JsonArray members, string owner, string hint, ref bool nullable)
    {
        var kept = new List<JsonObject>();
        foreach (var member in members)
        {
            if (member is JsonObject m && IsNullType(m))
            {
                nullable = true;
            }
            else if (member is JsonObject obj)
            {
                kept.Add(obj);
            }
        }

        if (kept.Count > 0 && kept.All(IsStringish))
        {
            return OpenEnum(kept);
        }

        if (kept.Count == 1)
        {
            var single = Normalize(kept[0], owner, hint);
            return single;
        }

        var normalizedMembers = new JsonArray();
        var index = 1;
        foreach (var member in kept)
        {
            normalizedMembers.Add(Normalize(member, owner, hint + "Variant" + index++));
        }

        var discriminator = DiscriminatorMapper.Map(schema, kept, _upstream, this);
        var result = new JsonObject();
        if (discriminator != null)
        {
            result["oneOf"] = discriminator.Value.Members;
            result["discriminator"] = discriminator.Value.Discriminator;
        }
        else
        {
            result[keyword] = normalizedMembers;
        }

        return result;
    }

    /// <summary>Reference to the normalised component of an upstream component the caller already resolved (discriminator members).</summary>
    internal string QualifiedRef(string upstreamName)
    {
        Enqueue(upstreamName);
        return SchemaNames.Ref(SchemaNames.Qualified(Provider, upstreamName));
    }

    private static JsonObject OpenEnum(List<JsonObject> members)
    {
        var values = new JsonArray();
        foreach (var member in members)
        {
            if (member["const"] is JsonValue c && c.TryGetValue<string>(out var constant) && !values.Any(x => x!.GetValue<string>() == constant))
            {
                values.Add(constant);
            }

            if (member["enum"] is JsonArray e)
            {
                foreach (var v in e)
                {
                    if (v is JsonValue s && s.TryGetValue<string>(out var text) && !values.Any(x => x!.GetValue<string>() == text))
                    {
                        values.Add(text);
                    }
                }
            }
        }

        var result = new JsonObject { ["type"] = "string" };
        if (values.Count > 0)
        {
            result["enum"] = values;
        }

        return result;
    }

    private JsonNode MaybeHoist(JsonObject result, string owner, string hint, bool topLevel, JsonObject? annotations)
    {
        if (topLevel || !NeedsName(result))
        {
            return result;
        }

        var baseName = owner + hint;
        var name = baseName;
        var n = 2;
        while (true)
        {
            var qualified = SchemaNames.Qualified(Provider, name);
            var taken = _output.TryGetValue(qualified, out var existing) || _upstream.Get(name) != null;
            if (!taken)
            {
                Annotations.Apply(result, annotations);
                _output[qualified] = result;
                _seen.Add(name);
                return new JsonObject { ["$ref"] = SchemaNames.Ref(qualified) };
            }

            // The same shape is one type even where upstream documents it differently (the first one's prose is kept).
            if (existing != null && Annotations.Structure(existing) == Annotations.Structure(result))
            {
                return new JsonObject { ["$ref"] = SchemaNames.Ref(qualified) };
            }

            name = baseName + n++;
        }
    }

    /// <summary>Objects with properties, multi-value enums and unions become named types.</summary>
    private static bool NeedsName(JsonObject schema)
        => schema["properties"] != null
            || schema["allOf"] != null
            || schema["oneOf"] != null
            || schema["anyOf"] != null
            || (schema["enum"] is JsonArray e && e.Count > 0 && schema["const"] == null);

    private static JsonNode WithNull(JsonNode node, bool nullable)
    {
        if (!nullable || node is not JsonObject obj || obj.Count == 0)
        {
            return node;
        }

        if (obj["$ref"] != null)
        {
            return new JsonObject { ["anyOf"] = new JsonArray(obj.DeepClone(), new JsonObject { ["type"] = "null" }) };
        }

        switch (obj["type"])
        {
            case JsonValue t when t.TryGetValue<string>(out var single):
                obj["type"] = new JsonArray(single, "null");
                break;
            case JsonArray types when !types.Any(x => x!.GetValue<string>() == "null"):
                types.Add("null");
                break;
        }

        return obj;
    }

    private void CopyScalars(JsonObject from, JsonObject to, string where)
    {
        foreach (var pair in from)
        {
            switch (pair.Key)
            {
                case "type":
                    to["type"] = NormalizeType(pair.Value) ?? throw _upstream.Error(pair.Value, $"'type' at {where} is not a type name or a list of them");
                    break;
                case "format":
                case "const":
                case "default":
                case "minimum":
                case "maximum":
                case "minLength":
                case "maxLength":
                case "pattern":
                case "minItems":
                case "maxItems":
                    to[pair.Key] = pair.Value?.DeepClone();
                    break;
                case "enum":
                    to["enum"] = pair.Value?.DeepClone();
                    break;
            }
        }

        // After the loop: converting a 3.0 boolean bound rewrites "minimum"/"maximum", which the loop may already have copied.
        CopyExclusiveBound(from, to, "exclusiveMinimum", "minimum");
        CopyExclusiveBound(from, to, "exclusiveMaximum", "maximum");

        if (TypeIs(to, "null") && to["enum"] != null)
        {
            to.Remove("enum");
        }
    }

    /// <summary>A type name or a list of them (duplicates dropped, a single one unwrapped); null when it is neither.</summary>
    private static JsonNode? NormalizeType(JsonNode? type)
    {
        if (type is JsonArray array)
        {
            if (!array.All(t => t is JsonValue v && v.TryGetValue<string>(out _)))
            {
                return null;
            }

            var distinct = array.Select(t => t!.GetValue<string>()).Distinct().ToArray();
            return distinct.Length == 1 ? JsonValue.Create(distinct[0]) : new JsonArray(distinct.Select(d => (JsonNode?)JsonValue.Create(d)).ToArray());
        }

        return type is JsonValue v && v.TryGetValue<string>(out _) ? type.DeepClone() : null;
    }

    /// <summary>Whether a schema's <c>type</c> is the single name <paramref name="name"/>.</summary>
    internal static bool TypeIs(JsonObject schema, string name) => schema["type"] is JsonValue t && t.TryGetValue<string>(out var s) && s == name;

    // 3.0's boolean exclusive bounds become 3.1's numeric ones; the input is never modified.
    private static void CopyExclusiveBound(JsonObject from, JsonObject to, string key, string bound)
    {
        var value = from[key];
        if (value is JsonValue v && v.TryGetValue<bool>(out var flag))
        {
            if (flag && from[bound] != null)
            {
                to[key] = from[bound]!.DeepClone();
                to.Remove(bound);
            }

            return;
        }

        if (value != null)
        {
            to[key] = value.DeepClone();
        }
    }

    private static void ConstFromSingleEnum(JsonObject schema, JsonObject result)
    {
        if (schema["enum"] is JsonArray e && e.Count == 1 && (schema["x-stainless-const"] is JsonValue || result["const"] != null || IsDiscriminatorLike(schema)))
        {
            result["const"] = e[0]?.DeepClone();
            result.Remove("enum");
        }
    }

    // OpenAI marks constants with x-stainless-const; a lone enum value on a string is a constant too.
    private static bool IsDiscriminatorLike(JsonObject schema) => TypeIs(schema, "string");

    private static bool IsStringish(JsonObject member)
    {
        if (member["$ref"] != null || member["properties"] != null || member["oneOf"] != null || member["anyOf"] != null || member["allOf"] != null)
        {
            return false;
        }

        if (member["const"] is JsonValue c)
        {
            return c.TryGetValue<string>(out _);
        }

        return TypeIs(member, "string") && member["format"] == null;
    }

    private static bool IsNullType(JsonObject member)
        => TypeIs(member, "null") && member.Count <= 3;

    private static bool IsTrue(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) && b;
}
