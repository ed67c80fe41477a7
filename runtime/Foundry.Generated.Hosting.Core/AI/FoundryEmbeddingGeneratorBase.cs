namespace Foundry.Generated.Hosting.AI
{
    /// <summary>
    /// What an embeddings route's <see cref="global::Microsoft.Extensions.AI.IEmbeddingGenerator{TInput, TEmbedding}"/>
    /// shares with the chat clients: the default model and <c>EmbeddingGenerationOptions.ModelId</c> resolution
    /// (<see cref="FoundryModelResolution"/>), metadata (with the catalog's dimensions), services and disposal.
    /// </summary>
    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
    public abstract class FoundryEmbeddingGeneratorBase<TModel> : global::Microsoft.Extensions.AI.IEmbeddingGenerator<string, global::Microsoft.Extensions.AI.Embedding<float>>
        where TModel : struct, global::Foundry.Generated.Runtime.IFoundryParsableModelId<TModel>
    {
        private readonly object _client;
        private readonly global::Microsoft.Extensions.AI.EmbeddingGeneratorMetadata _metadata;

        protected FoundryEmbeddingGeneratorBase(object client, TModel defaultModel, string defaultModelId, int? dimensions)
        {
            _client = client ?? throw new global::System.ArgumentNullException(nameof(client));
            DefaultModel = defaultModel;
            _metadata = new global::Microsoft.Extensions.AI.EmbeddingGeneratorMetadata(FoundryChatMapping.ProviderName, null, defaultModelId, dimensions);
        }

        /// <summary>The model used when <c>EmbeddingGenerationOptions.ModelId</c> is not set.</summary>
        public TModel DefaultModel { get; }

        public abstract global::System.Threading.Tasks.Task<global::Microsoft.Extensions.AI.GeneratedEmbeddings<global::Microsoft.Extensions.AI.Embedding<float>>> GenerateAsync(global::System.Collections.Generic.IEnumerable<string> values, global::Microsoft.Extensions.AI.EmbeddingGenerationOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default);

        public object? GetService(global::System.Type serviceType, object? serviceKey = null)
            => FoundryAdapterServices.Get(serviceType, serviceKey, _metadata, _client, this);

        /// <summary>Nothing to release: the generated client belongs to the caller (usually a shared <c>FoundryLlmClient</c>).</summary>
        public void Dispose()
        {
        }

        protected TModel ResolveModel(global::Microsoft.Extensions.AI.EmbeddingGenerationOptions? options)
            => FoundryModelResolution.Resolve(options?.ModelId, DefaultModel);
    }
}
