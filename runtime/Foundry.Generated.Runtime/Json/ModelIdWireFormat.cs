namespace Foundry.Generated;

/// <summary>How model ids go on the wire.</summary>
public enum ModelIdWireFormat
{
    /// <summary>The Model Catalog RID (<c>ri.language-model-service..language-model.gpt-5-2</c>): the documented form.</summary>
    Rid = 0,

    /// <summary>The friendly id (<c>gpt-5.2</c>), accepted on some routes only.</summary>
    FriendlyId = 1,
}
