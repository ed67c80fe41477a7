using System.Text;

namespace Foundry.Generated.Benchmarks;

/// <summary>
/// Streams of N text deltas in the exact framing of the recorded transcripts (tests/fixtures/sse:
/// openai-responses-text.sse and openai-chat-text-usage.sse), scaled up.
/// </summary>
internal static class RecordedStreams
{
    public static byte[] Responses(int deltas)
    {
        var sb = new StringBuilder();
        var seq = 0;
        void Event(string type, string json) => sb.Append("event: ").Append(type).Append("\ndata: ").Append(json.Replace("{SEQ}", (seq++).ToString())).Append("\n\n");
        const string response = "{\"id\":\"resp_68c42d1d\",\"object\":\"response\",\"created_at\":1757687069,\"status\":\"in_progress\",\"model\":\"gpt-5-mini-2025-08-07\",\"output\":[],\"parallel_tool_calls\":true,\"tool_choice\":\"auto\",\"tools\":[]}";
        Event("response.created", "{\"type\":\"response.created\",\"sequence_number\":{SEQ},\"response\":" + response + "}");
        Event("response.in_progress", "{\"type\":\"response.in_progress\",\"sequence_number\":{SEQ},\"response\":" + response + "}");
        Event("response.output_item.added", "{\"type\":\"response.output_item.added\",\"sequence_number\":{SEQ},\"output_index\":0,\"item\":{\"id\":\"msg_68c42d1e\",\"type\":\"message\",\"status\":\"in_progress\",\"content\":[],\"role\":\"assistant\"}}");
        Event("response.content_part.added", "{\"type\":\"response.content_part.added\",\"sequence_number\":{SEQ},\"item_id\":\"msg_68c42d1e\",\"output_index\":0,\"content_index\":0,\"part\":{\"type\":\"output_text\",\"annotations\":[],\"logprobs\":[],\"text\":\"\"}}");
        for (var i = 0; i < deltas; i++)
        {
            Event("response.output_text.delta", "{\"type\":\"response.output_text.delta\",\"sequence_number\":{SEQ},\"item_id\":\"msg_68c42d1e\",\"output_index\":0,\"content_index\":0,\"delta\":\" word\",\"logprobs\":[],\"obfuscation\":\"Xy1z\"}");
        }

        Event("response.completed", "{\"type\":\"response.completed\",\"sequence_number\":{SEQ},\"response\":" + response.Replace("in_progress", "completed") + "}");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    public static byte[] Chat(int deltas)
    {
        var sb = new StringBuilder();
        void Data(string json) => sb.Append("data: ").Append(json).Append("\n\n");
        const string head = "{\"id\":\"chatcmpl-CET1\",\"object\":\"chat.completion.chunk\",\"created\":1757687069,\"model\":\"gpt-4o-2024-08-06\",\"service_tier\":\"default\",\"system_fingerprint\":\"fp_f33640a400\",";
        Data(head + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null,\"obfuscation\":\"a\"}");
        for (var i = 0; i < deltas; i++)
        {
            Data(head + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\" word\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null,\"obfuscation\":\"Xy1z\"}");
        }

        Data(head + "\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":null,\"obfuscation\":\"b\"}");
        Data(head + "\"choices\":[],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":" + deltas + ",\"total_tokens\":" + (deltas + 10) + "},\"obfuscation\":\"c\"}");
        Data("[DONE]");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
