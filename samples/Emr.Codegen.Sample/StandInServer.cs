using System.Net;
using System.Text;
using System.Text.Json;
using Emr.Codegen.Runtime;
using Emr.V20190103;

/// <summary>
/// A local stand-in for the EMR API on 127.0.0.1: it checks each request's TC3 signature and answers as the API does.
/// CreateInstance: the first is rate limited (the client retries it), "emr-sample_02" gets an error envelope, the rest
/// succeed. DescribeInstances plays the created cluster's life (being created, installing components, running, one poll
/// each) and lists 250 clusters a page at a time (Offset is the page number, as the spec says). It stops by itself after
/// a few dozen requests or a minute.
/// </summary>
internal static class StandInServer
{
    private const int MaxRequests = 40;
    private const int ListedClusters = 250;
    private static readonly int[] s_life = { 3, 6, 2 };
    private static int s_polls;

    public static async Task RunAsync(string urlFile)
    {
        string secretKey = Environment.GetEnvironmentVariable(ApiCredential.SecretKeyVariable)
            ?? throw new InvalidOperationException("The stand-in checks signatures with " + ApiCredential.SecretKeyVariable + "; set it.");
        var (listener, endpoint) = Listen();
        using (listener)
        {
            await File.WriteAllTextAsync(urlFile, endpoint.ToString());
            using var lifetime = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            using var registration = lifetime.Token.Register(listener.Stop);
            for (int count = 0; count < MaxRequests && !lifetime.IsCancellationRequested; count++)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception) when (lifetime.IsCancellationRequested)
                {
                    break;
                }

                Answer(context, count, endpoint, secretKey);
            }
        }
    }

    private static (HttpListener Listener, Uri Endpoint) Listen()
    {
        for (int attempt = 0; ; attempt++)
        {
            var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var endpoint = new Uri($"http://127.0.0.1:{port}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(endpoint.ToString());
            try
            {
                listener.Start();
                return (listener, endpoint);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    private static void Answer(HttpListenerContext context, int count, Uri endpoint, string secretKey)
    {
        string body = new StreamReader(context.Request.InputStream, Encoding.UTF8).ReadToEnd();
        string requestId = $"stand-in-{count + 1:D4}";
        string? authorization = context.Request.Headers["Authorization"];
        string? secretId = authorization?.Split("Credential=", 2) is [_, string rest] ? rest.Split('/')[0] : null;
        bool signed = secretId != null && long.TryParse(context.Request.Headers["X-TC-Timestamp"], out long timestamp)
            && authorization == ApiClientRuntime.Authorization(secretId, secretKey, ApiMetadata.Service, endpoint, timestamp, body);
        string answer;
        if (!signed)
        {
            answer = Error("AuthFailure.SignatureFailure", "The request signature does not match.", requestId);
        }
        else if (context.Request.Headers["X-TC-Action"] == "DescribeInstances")
        {
            answer = DescribeInstances(body, requestId);
        }
        else if (count == 0)
        {
            answer = Error("RequestLimitExceeded", "Number of requests exceeds the frequency limit.", requestId);
        }
        else if (InstanceName(body) == "emr-sample_02")
        {
            answer = Error("ResourceInsufficient.InstanceInsufficient", "The zone has no instances of this specification left.", requestId);
        }
        else
        {
            answer = Envelope(response => response.WriteString("InstanceId", $"emr-standin{count}"), requestId);
        }

        byte[] bytes = Encoding.UTF8.GetBytes(answer);
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = bytes.Length;
        context.Response.OutputStream.Write(bytes);
        context.Response.Close();
    }

    /// <summary>The created cluster's status, one step per poll; or a page of the 250 listed clusters.</summary>
    private static string DescribeInstances(string body, string requestId)
    {
        using var document = JsonDocument.Parse(body);
        JsonElement root = document.RootElement;
        if (root.TryGetProperty("InstanceIds", out JsonElement ids) && ids.GetArrayLength() > 0)
        {
            string id = ids[0].GetString()!;
            int status = s_life[Math.Min(s_polls++, s_life.Length - 1)];
            return Clusters(new[] { (id, status) }, 1, requestId);
        }

        long page = root.TryGetProperty("Offset", out JsonElement offset) ? offset.GetInt64() : 0;
        long size = root.TryGetProperty("Limit", out JsonElement limit) ? limit.GetInt64() : 10;
        var clusters = Enumerable.Range(0, ListedClusters).Skip((int)(page * size)).Take((int)size).Select(n => ($"emr-list{n:D4}", 2));
        return Clusters(clusters, ListedClusters, requestId);
    }

    private static string Clusters(IEnumerable<(string Id, int Status)> clusters, int total, string requestId) =>
        Envelope(
            response =>
            {
                response.WriteNumber("TotalCnt", total);
                response.WriteStartArray("ClusterList");
                foreach (var (id, status) in clusters)
                {
                    response.WriteStartObject();
                    response.WriteString("ClusterId", id);
                    response.WriteNumber("Status", status);
                    response.WriteEndObject();
                }

                response.WriteEndArray();
            },
            requestId);

    private static string? InstanceName(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.TryGetProperty("InstanceName", out JsonElement name) ? name.GetString() : null;
    }

    private static string Error(string code, string message, string requestId) =>
        Envelope(
            response =>
            {
                response.WriteStartObject("Error");
                response.WriteString("Code", code);
                response.WriteString("Message", message);
                response.WriteEndObject();
            },
            requestId);

    // Written with Utf8JsonWriter, not reflection: the sample also runs as native AOT.
    private static string Envelope(Action<Utf8JsonWriter> writeMembers, string requestId)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("Response");
            writeMembers(writer);
            writer.WriteString("RequestId", requestId);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
