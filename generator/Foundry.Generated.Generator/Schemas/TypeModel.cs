using System;
using Foundry.Generated.Catalog.Collections;

namespace Foundry.Generated.Generator.Schemas;

internal enum TypeModelKind
{
    /// <summary>An object: a sealed record (or a derived union member).</summary>
    Record,
    /// <summary>A oneOf with a discriminator: an abstract record with derived members and an Unknown member.</summary>
    DiscriminatedUnion,
    /// <summary>A oneOf/anyOf without discriminator: a record struct holding one of its members.</summary>
    Union,
    /// <summary>A string enum: an extensible record struct.</summary>
    Enum,
    /// <summary>A member of a second discriminated union that already derives from another: a wrapper record.</summary>
    UnionCase,
}

internal sealed record PropertyModel(
    string JsonName,
    string CSharpName,
    TypeRef Type,
    bool IsRequired,
    string? ConstValue) : IEquatable<PropertyModel>
{
    /// <summary>The upstream <c>description</c>, as written (Markdown).</summary>
    public string? Description { get; init; }

    /// <summary>Upstream says <c>deprecated: true</c>.</summary>
    public bool Deprecated { get; init; }
}

/// <summary>One discriminated-union member (<see cref="Value"/>) or one non-discriminated member.</summary>
internal sealed record UnionCase(string? Value, TypeRef Type, string MemberName, EquatableArray<string> TypeValues) : IEquatable<UnionCase>
{
    /// <summary>For a member that derives from another union: the type its wrapper (<see cref="Type"/>) holds.</summary>
    public TypeRef? Wrapped { get; init; }

    /// <summary>An object member's required properties (but <c>type</c>): how a union picks it when the JSON has no
    /// <c>type</c> (an OpenAI input message <c>{"role":"user","content":"hi"}</c>). Empty for other members.</summary>
    public EquatableArray<string> RequiredNames { get; init; }
}

/// <summary>One known value of a string enum and the static property that holds it.</summary>
internal sealed record EnumMember(string Value, string CSharpName, string? Description) : IEquatable<EnumMember>;

/// <summary>One generated type, everything the emitter needs and nothing from Roslyn or the JSON document.</summary>
internal sealed record TypeModel(TypeModelKind Kind, string SchemaId, string Namespace, string Name) : IEquatable<TypeModel>
{
    public string FullName => "global::" + Namespace + "." + Name;

    /// <summary>A record's properties (<see cref="TypeModelKind.Record"/>, <see cref="TypeModelKind.UnionCase"/> none).</summary>
    public EquatableArray<PropertyModel> Properties { get; init; }

    /// <summary>A union's members.</summary>
    public EquatableArray<UnionCase> Cases { get; init; }

    /// <summary>A string enum's known values.</summary>
    public EquatableArray<EnumMember> EnumValues { get; init; }

    /// <summary>The discriminated union a member record or wrapper derives from (<c>global::</c> name).</summary>
    public string? BaseType { get; init; }

    /// <summary>The discriminator's JSON property, on a discriminated union and its members.</summary>
    public string? DiscriminatorJsonName { get; init; }

    public string? DiscriminatorCSharpName { get; init; }

    /// <summary>A member's discriminator value.</summary>
    public string? DiscriminatorValue { get; init; }

    /// <summary>The record a <see cref="TypeModelKind.UnionCase"/> wrapper holds.</summary>
    public TypeRef? Wrapped { get; init; }

    /// <summary>A discriminated union's member for values the spec does not know (<c>Unknown{Name}</c> unless that is taken).</summary>
    public string? UnknownName { get; init; }

    /// <summary>The upstream <c>description</c> of the schema, as written (Markdown).</summary>
    public string? Description { get; init; }

    /// <summary>Upstream says <c>deprecated: true</c>.</summary>
    public bool Deprecated { get; init; }

    /// <summary>Set on a record shaped like a chat completion (see <see cref="ChoiceShapes"/>).</summary>
    public ChoiceShape? Choices { get; init; }

    public string HintName => Namespace + "." + Name + ".g.cs";
}
