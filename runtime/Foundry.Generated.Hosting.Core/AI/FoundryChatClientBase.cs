namespace Foundry.Generated.Hosting.AI
{
    /// <summary>
    /// What every route's <see cref="global::Microsoft.Extensions.AI.IChatClient"/> shares: the default model and
    /// <c>ChatOptions.ModelId</c> resolution (catalogued id, alias or RID; an uncatalogued RID passes through; anything
    /// else fails with the catalog's suggestion before a request is sent), metadata, services, and a whole response
    /// assembled from the stream.
    /// </summary>
    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
    public abstract class FoundryChatClientBase<TModel> : global::Microsoft.Extensions.AI.IChatClient
        where TModel : struct, global::Foundry.Generated.Runtime.IFoundryParsableModelId<TModel>
    {
        private readonly object _client;
        private readonly global::Microsoft.Extensions.AI.ChatClientMetadata _metadata;

        protected FoundryChatClientBase(object client, TModel defaultModel, string defaultModelId)
        {
            _client = client ?? throw new global::System.ArgumentNullException(nameof(client));
            DefaultModel = defaultModel;
            _metadata = new global::Microsoft.Extensions.AI.ChatClientMetadata(FoundryChatMapping.ProviderName, null, defaultModelId);
        }

        /// <summary>The model used when <c>ChatOptions.ModelId</c> is not set.</summary>
        public TModel DefaultModel { get; }

        public async global::System.Threading.Tasks.Task<global::Microsoft.Extensions.AI.ChatResponse> GetResponseAsync(global::System.Collections.Generic.IEnumerable<global::Microsoft.Extensions.AI.ChatMessage> messages, global::Microsoft.Extensions.AI.ChatOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default)
            => await global::Microsoft.Extensions.AI.ChatResponseExtensions.ToChatResponseAsync(GetStreamingResponseAsync(messages, options, cancellationToken), cancellationToken).ConfigureAwait(false);

        public abstract global::System.Collections.Generic.IAsyncEnumerable<global::Microsoft.Extensions.AI.ChatResponseUpdate> GetStreamingResponseAsync(global::System.Collections.Generic.IEnumerable<global::Microsoft.Extensions.AI.ChatMessage> messages, global::Microsoft.Extensions.AI.ChatOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default);

        public object? GetService(global::System.Type serviceType, object? serviceKey = null)
            => FoundryAdapterServices.Get(serviceType, serviceKey, _metadata, _client, this);

        /// <summary>Nothing to release: the generated client belongs to the caller (usually a shared <c>FoundryLlmClient</c>).</summary>
        public void Dispose()
        {
        }

        protected TModel ResolveModel(global::Microsoft.Extensions.AI.ChatOptions? options, TModel fallback)
            => FoundryModelResolution.Resolve(options?.ModelId, fallback);
    }
}
