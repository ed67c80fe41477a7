namespace Foundry.Generated.Hosting.AI
{
    /// <summary>
    /// <c>ChatOptions.ModelId</c> / <c>EmbeddingGenerationOptions.ModelId</c> to a route's model, for every adapter: a
    /// catalogued id, alias or RID; an uncatalogued RID passes through; anything else fails with the catalog's
    /// suggestion before a request is sent.
    /// </summary>
    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
    public static class FoundryModelResolution
    {
        public static TModel Resolve<TModel>(string? id, TModel fallback)
            where TModel : struct, global::Foundry.Generated.Runtime.IFoundryParsableModelId<TModel>
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                return fallback;
            }

            return TModel.TryParse(id, out var model) ? model
                : id!.StartsWith("ri.", global::System.StringComparison.OrdinalIgnoreCase) ? TModel.FromUncataloguedRid(id)
                : TModel.Parse(id);
        }
    }
}
