using System;
using System.Collections.Generic;
using System.Linq;

namespace Foundry.Generated.Generator.Schemas;

/// <summary>
/// How an event's choices are read by the stream's terminal check: the array member, and on each item the member with
/// its <c>index</c> and the one with its <c>finish_reason</c>.
/// </summary>
internal sealed record ChoiceShape(string ArrayMember, string IndexMember, bool IndexNullable, string FinishMember) : IEquatable<ChoiceShape>;

/// <summary>
/// Finds the records shaped like a chat completion (a <c>choices</c> array of objects with <c>index</c> and
/// <c>finish_reason</c>), which then implement the runtime's <c>IFoundryStreamChoices</c>: a chat stream judges its
/// end and its errors from the decoded chunk rather than by searching the chunk's bytes again.
/// </summary>
internal static class ChoiceShapes
{
    public static List<TypeModel> Mark(List<TypeModel> types)
    {
        var byName = new Dictionary<string, TypeModel>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            byName[type.FullName] = type;
        }

        for (var i = 0; i < types.Count; i++)
        {
            if (Find(types[i], byName) is { } shape)
            {
                types[i] = types[i] with { Choices = shape };
            }
        }

        return types;
    }

    private static ChoiceShape? Find(TypeModel type, Dictionary<string, TypeModel> byName)
    {
        // A union member has no bag of unknown members, where the terminal check looks for an error.
        if (type.Kind != TypeModelKind.Record || type.BaseType != null)
        {
            return null;
        }

        var array = type.Properties.FirstOrDefault(p => p.JsonName == "choices" && p.ConstValue == null);
        if (array?.Type is not { Kind: TypeKind.Array, Element: { Kind: TypeKind.Record, Nullable: false, Name: { } itemName } }
            || !byName.TryGetValue(itemName, out var item))
        {
            return null;
        }

        var index = item.Properties.FirstOrDefault(p => p.JsonName == "index" && p.Type.Kind is TypeKind.Int32 or TypeKind.Int64);
        // A finish reason that cannot be null in C# cannot say "not finished yet": no shape.
        var finish = item.Properties.FirstOrDefault(p => p.JsonName == "finish_reason" && p.ConstValue == null && (p.Type.Nullable || !p.Type.IsValueType));
        return index == null || finish == null ? null : new ChoiceShape(array.CSharpName, index.CSharpName, index.Type.Nullable, finish.CSharpName);
    }
}
