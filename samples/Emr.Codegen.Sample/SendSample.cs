using Emr.Codegen.Runtime;
using Emr.V20190103;

/// <summary>Sends the sample request through the generated <see cref="EmrClient"/>, as an application would.</summary>
internal static class SendSample
{
    public static async Task<int> RunAsync(Uri endpoint, CreateInstanceRequest request)
    {
        var options = new ApiClientOptions
        {
            Endpoint = endpoint, // the stand-in server; without it the region's endpoint (emr.tencentcloudapi.com)
            Timeout = TimeSpan.FromSeconds(10),
            OnRequest = sent =>
            {
                Console.WriteLine($"--> POST {sent.Uri} ({sent.Action}, attempt {sent.Attempt})");
                foreach (var header in sent.Headers)
                {
                    Console.WriteLine($"    {header.Key}: {header.Value}");
                }
            },
            OnResponse = answer => Console.WriteLine(
                $"<-- HTTP {answer.StatusCode}{(answer.ErrorCode is { } code ? " " + code : string.Empty)} (RequestId {answer.RequestId}){(answer.WillRetry ? ", will retry" : string.Empty)}"),
        };

        // TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY, as the official SDKs read them.
        var client = new EmrClient(ApiCredential.FromEnvironment(), "ap-guangzhou", options);
        CreateInstanceResponse response = await client.CreateInstanceAsync(request);
        Console.WriteLine($"Typed response: InstanceId {response.InstanceId}, RequestId {response.RequestId}, ClientToken sent {request.ClientToken}");

        // Then the cluster's life: wait until it runs (the spec's ClusterRunning waiter), showing each state seen.
        Console.WriteLine($"Waiting for {response.InstanceId} to run:");
        options.OnRequest = null;
        options.OnResponse = null;
        DescribeInstancesResponse running = await client.WaitUntilClusterRunningAsync(
            new DescribeInstancesRequest { DisplayStrategy = DisplayStrategy.ClusterList, InstanceIds = [response.InstanceId!] },
            new ApiWaiterOptions
            {
                MaxWait = TimeSpan.FromSeconds(30),
                MinDelay = TimeSpan.FromMilliseconds(200), // a real cluster takes minutes: the spec's delays are 15 s to 60 s
                MaxDelay = TimeSpan.FromMilliseconds(500),
                Progress = new ConsoleProgress(),
            });
        Console.WriteLine($"Running: {running.ClusterList![0].ClusterId} (status {running.ClusterList[0].Status})");

        // And every cluster of the account, a page at a time (Offset is the page number; the paginator moves it).
        int pageNumber = 0;
        await foreach (DescribeInstancesResponse page in client.DescribeInstancesPagesAsync(new DescribeInstancesRequest { DisplayStrategy = DisplayStrategy.ClusterList, Limit = 100 }))
        {
            Console.WriteLine($"Page {++pageNumber}: {page.ClusterList?.Count ?? 0} clusters of {page.TotalCnt}, from {page.ClusterList?.FirstOrDefault()?.ClusterId} (RequestId {page.RequestId})");
        }

        // The stand-in answers this one with an error envelope: it becomes ApiException with the typed error code.
        request.InstanceName = "emr-sample_02";
        request.ClientToken = null;
        try
        {
            await client.CreateInstanceAsync(request);
            Console.WriteLine("error: the stand-in was expected to answer with an error");
            return 1;
        }
        catch (ApiException<ApiErrorCode> exception)
        {
            Console.WriteLine($"ApiException: {exception.Code.Code} (kind {exception.Code.Kind}, known: {exception.Code.IsKnown}) from {exception.Action}: {exception.ServerMessage} (RequestId {exception.RequestId})");
        }

        return 0;
    }

    /// <summary>Prints each poll as it happens (Progress&lt;T&gt; would post to the thread pool, out of order).</summary>
    private sealed class ConsoleProgress : IProgress<ApiWaiterProgress>
    {
        public void Report(ApiWaiterProgress value) => Console.WriteLine($"  poll {value.Attempt}: {value.State}{(value.NextDelay is { } delay ? $", next in {delay.TotalMilliseconds:F0} ms" : string.Empty)}");
    }
}
