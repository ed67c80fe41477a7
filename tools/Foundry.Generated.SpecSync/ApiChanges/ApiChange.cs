namespace Foundry.Generated.SpecSync.ApiChanges;

/// <summary>How a type or member differs between two spec revisions; the order is the order they are printed in.</summary>
internal enum ApiChangeKind
{
    TypeAdded,
    TypeRemoved,
    TypeChanged,
    MemberAdded,
    MemberRemoved,
    MemberChanged,
}

/// <summary>One public API change: a type (full name) or member (<c>Type.Member</c>), with its old and new signature.</summary>
internal sealed record ApiChange(ApiChangeKind Kind, string Name, string? Before, string? After)
{
    /// <summary>One line: <c>+ type N</c>, <c>- member T.M</c>, <c>~ member T.M: string -> int</c>.</summary>
    public override string ToString() => Kind switch
    {
        ApiChangeKind.TypeAdded => $"+ type {Name}",
        ApiChangeKind.TypeRemoved => $"- type {Name}",
        ApiChangeKind.TypeChanged => $"~ type {Name}: {Before} -> {After}",
        ApiChangeKind.MemberAdded => $"+ member {Name}: {After}",
        ApiChangeKind.MemberRemoved => $"- member {Name}: {Before}",
        _ => $"~ member {Name}: {Before} -> {After}",
    };
}
