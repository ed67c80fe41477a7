extern alias generator;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using generator::Foundry.Generated.Generator.Pipeline;
using generator::Foundry.Generated.Generator.Schemas;

namespace Foundry.Generated.SpecSync.ApiChanges;

/// <summary>One generated type as a user sees it: its shape (kind, base) and its members' signatures, by member name.</summary>
internal sealed record ApiType(string Signature, IReadOnlyDictionary<string, string> Members);

/// <summary>
/// The public types a spec makes the generator emit, built by the generator's own type model (the one the precompiled
/// clients are compiled from), so the sync reports exactly what a regeneration would change.
/// </summary>
internal static class ApiSurface
{
    /// <summary>Every generated type by full name; empty when the text is no spec the generator can read.</summary>
    public static IReadOnlyDictionary<string, ApiType> Of(string specText)
    {
        var file = new InputFile(InputKinds.SpecFileName, InputKinds.Spec, specText);
        var model = SpecModelReader.Read(file, GeneratorOptions.Default, CancellationToken.None);
        return model.Types.ToDictionary(t => t.Namespace + "." + t.Name, Describe, StringComparer.Ordinal);
    }

    private static ApiType Describe(TypeModel type)
    {
        var members = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in type.Properties)
        {
            members[property.CSharpName] = (property.IsRequired ? "required " : string.Empty) + Display(property.Type);
        }

        foreach (var value in type.EnumValues)
        {
            members[value.CSharpName] = "\"" + value.Value + "\"";
        }

        foreach (var @case in type.Cases)
        {
            members[@case.MemberName] = Display(@case.Type) + (@case.Value is { } discriminator ? " (\"" + discriminator + "\")" : string.Empty);
        }

        var kind = type.Kind switch
        {
            TypeModelKind.Record => "record",
            TypeModelKind.DiscriminatedUnion => "discriminated union",
            TypeModelKind.Union => "union",
            TypeModelKind.Enum => "enum",
            _ => "union case",
        };
        return new ApiType(type.BaseType is { } baseType ? kind + " : " + Shorten(baseType) : kind, members);
    }

    private static string Display(TypeRef type) => Shorten(type.CSharp);

    // The framework's namespaces add length, not information, to a diff line.
    private static string Shorten(string csharp) => csharp
        .Replace("global::System.Collections.Generic.", string.Empty)
        .Replace("global::System.Text.Json.", string.Empty)
        .Replace("global::", string.Empty);
}
