using System.Diagnostics;
using Emr.Codegen.Runtime;
using Emr.V20190103;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// The stand-in API on 127.0.0.1, in this process (it checks signatures with TENCENTCLOUD_SECRET_KEY).
string urlFile = Path.GetTempFileName();
File.Delete(urlFile);
Task standIn = StandInServer.RunAsync(urlFile);
while (!File.Exists(urlFile) || new FileInfo(urlFile).Length == 0)
{
    await Task.Delay(50);
}

HostApplicationBuilder builder = Host.CreateApplicationBuilder(args);
// Region and endpoint from configuration (appsettings.json or, here, in memory); the credential from the environment.
builder.Configuration["Emr:Region"] = "ap-guangzhou";
builder.Configuration["Emr:Endpoint"] = File.ReadAllText(urlFile);
builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
builder.Logging.AddFilter(EmrClientServiceCollectionExtensions.Name, LogLevel.Debug);
builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning); // the factory's own handler logs, which repeat ours
builder.Services.AddEmrClient(builder.Configuration.GetSection("Emr"));
builder.Services.AddHostedService<ClusterWorker>();

// Spans as an OpenTelemetry exporter would see them, printed when each ends.
using var spans = new ActivityListener
{
    ShouldListenTo = source => source.Name == ApiTelemetry.SourceName,
    Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    ActivityStopped = span => Console.WriteLine($"span {span.DisplayName} {span.Duration.TotalMilliseconds:F0} ms {span.Status}: " + string.Join(", ", span.TagObjects.Select(tag => tag.Key + "=" + tag.Value))),
};
ActivitySource.AddActivityListener(spans);

await builder.Build().RunAsync();
File.Delete(urlFile);
return ClusterWorker.ExitCode;

/// <summary>Creates a cluster, waits until it runs, lists the clusters, and stops the host.</summary>
internal sealed class ClusterWorker(IEmrClient emr, ILogger<ClusterWorker> logger, IHostApplicationLifetime lifetime) : BackgroundService
{
    public static int ExitCode { get; private set; } = 1;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var request = new CreateInstanceRequest
            {
                ProductId = ProductId.EmrV2_3_0,
                VPCSettings = new VPCSettings { VpcId = "vpc-abcd1234", SubnetId = "subnet-abcd1234" },
                Software = ["hdfs-2.8.5", "yarn-2.8.5"],
                ResourceSpec = new NewResourceSpec { MasterCount = 1, CoreCount = 2 },
                SupportHA = SupportHA.Disabled,
                InstanceName = "emr-worker_01",
                PayMode = PayMode.PayAsYouGo,
                Placement = new Placement { Zone = "ap-guangzhou-3" },
                TimeSpan = 3600,
                TimeUnit = TimeUnit.Seconds,
                LoginSettings = new LoginSettings { Password = "Worker@2019x" },
            };
            CreateInstanceResponse created = await emr.CreateInstanceAsync(request, stoppingToken);
            logger.LogInformation("Created {InstanceId} (RequestId {RequestId})", created.InstanceId, created.RequestId);

            DescribeInstancesResponse running = await emr.WaitUntilClusterRunningAsync(
                new DescribeInstancesRequest { DisplayStrategy = DisplayStrategy.ClusterList, InstanceIds = [created.InstanceId!] },
                new ApiWaiterOptions { MinDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(300), MaxWait = TimeSpan.FromSeconds(30) },
                stoppingToken);
            logger.LogInformation("{InstanceId} is running (status {Status})", running.ClusterList![0].ClusterId, running.ClusterList[0].Status);

            int clusters = 0;
            await foreach (ClusterInstancesInfo cluster in emr.DescribeInstancesItemsAsync(new DescribeInstancesRequest { DisplayStrategy = DisplayStrategy.ClusterList, Limit = 100 }, stoppingToken))
            {
                clusters++;
            }

            logger.LogInformation("The account has {Count} clusters", clusters);
            ExitCode = 0;
        }
        catch (Exception exception) when (exception is ApiException or TimeoutException or WaiterFailedException)
        {
            logger.LogError("The worker failed: {Error}", exception.GetType().Name);
        }
        finally
        {
            lifetime.StopApplication();
        }
    }
}
