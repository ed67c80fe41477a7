using System;

namespace Foundry.Generated.Generator.Schemas;

internal enum TypeKind
{
    String,
    Int32,
    Int64,
    Double,
    Boolean,
    /// <summary>Free-form JSON: <c>global::System.Text.Json.JsonElement</c>.</summary>
    Json,
    /// <summary>A generated reference type (record).</summary>
    Record,
    /// <summary>A generated value type (enum struct, union struct, model-id struct).</summary>
    Struct,
    Array,
    Map,
}

/// <summary>How a schema position is typed in C#; compared by value.</summary>
internal sealed record TypeRef(TypeKind Kind, string? Name, TypeRef? Element, bool Nullable) : IEquatable<TypeRef>
{
    public static TypeRef Primitive(TypeKind kind) => new TypeRef(kind, null, null, false);

    public TypeRef AsNullable() => Nullable ? this : this with { Nullable = true };

    public TypeRef AsNonNullable() => Nullable ? this with { Nullable = false } : this;

    public bool IsValueType => Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Boolean or TypeKind.Json or TypeKind.Struct;

    /// <summary>The C# type expression, e.g. <c>global::System.Collections.Generic.IReadOnlyList&lt;string&gt;?</c>.</summary>
    public string CSharp
    {
        get
        {
            var core = Kind switch
            {
                TypeKind.String => "string",
                TypeKind.Int32 => "int",
                TypeKind.Int64 => "long",
                TypeKind.Double => "double",
                TypeKind.Boolean => "bool",
                TypeKind.Json => "global::System.Text.Json.JsonElement",
                TypeKind.Array => "global::System.Collections.Generic.IReadOnlyList<" + Element!.CSharp + ">",
                TypeKind.Map => "global::System.Collections.Generic.IReadOnlyDictionary<string, " + Element!.CSharp + ">",
                _ => Name!,
            };
            return Nullable ? core + "?" : core;
        }
    }
}
