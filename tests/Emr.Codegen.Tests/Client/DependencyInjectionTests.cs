using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Emr.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Emr.Codegen.Tests.Client
{
    /// <summary>
    /// <c>services.AddEmrClient(...)</c>: generated only when the project references Microsoft.Extensions.Http; the client is
    /// a typed HttpClient of IHttpClientFactory registered as IEmrClient, its builder takes handlers, its settings bind from
    /// configuration (never a credential), and it logs to the container's loggers without secrets.
    /// </summary>
    public class DependencyInjectionTests
    {
        private const string SecretKey = "di-secret-key-000001";

        private const string Source = """
            using System;
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;
            using Emr.Codegen.Runtime;
            using Emr.V20190103;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Logging;

            public sealed class ListLogger : ILoggerProvider, ILogger
            {
                public List<string> Lines { get; } = new();
                public ILogger CreateLogger(string categoryName) => this;
                public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
                public bool IsEnabled(LogLevel logLevel) => true;
                public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                {
                    lock (Lines) { Lines.Add(eventId.Id + " " + formatter(state, exception) + " | " + string.Join(",", state as IEnumerable<KeyValuePair<string, object?>> ?? Array.Empty<KeyValuePair<string, object?>>())); }
                }
                public void Dispose() { }
            }

            public sealed class CountingHandler : DelegatingHandler
            {
                public static int Count;
                protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                {
                    Interlocked.Increment(ref Count);
                    return base.SendAsync(request, cancellationToken);
                }
            }

            public static class Di
            {
                public static async Task<string> Create(Uri endpoint, string requestJson, ListLogger logger)
                {
                    var services = new ServiceCollection();
                    services.AddLogging(b => b.AddProvider(logger).SetMinimumLevel(LogLevel.Debug));
                    IHttpClientBuilder builder = services.AddEmrClient(o =>
                    {
                        o.Region = "ap-guangzhou";
                        o.Credential = new ApiCredential("AKIDdi000000000001", "di-secret-key-000001");
                        o.Options = new ApiClientOptions { Endpoint = endpoint, MaxRetries = 0 };
                    });
                    builder.AddHttpMessageHandler(() => new CountingHandler());
                    using ServiceProvider provider = services.BuildServiceProvider();
                    IEmrClient client = provider.GetRequiredService<IEmrClient>();
                    CreateInstanceResponse response = await client.CreateInstanceAsync(CreateInstanceRequest.FromJson(requestJson));
                    return response.InstanceId + " via " + client.GetType().Name + ", handler " + CountingHandler.Count + ", " + client.Endpoint;
                }

                public static string FromConfiguration(Dictionary<string, string?> values, bool withCredential)
                {
                    var services = new ServiceCollection();
                    IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
                    services.AddEmrClient(configuration.GetSection("Emr"), o =>
                    {
                        if (withCredential)
                        {
                            o.CredentialProvider = _ => new ApiCredential("AKIDdi000000000002", "di-secret-key-000002");
                        }
                    });
                    using ServiceProvider provider = services.BuildServiceProvider();
                    try
                    {
                        IEmrClient client = provider.GetRequiredService<IEmrClient>();
                        return "endpoint " + client.Endpoint;
                    }
                    catch (InvalidOperationException exception)
                    {
                        return "error " + exception.Message;
                    }
                }
            }
            """;

        private static readonly MetadataReference[] Hosting = new[]
        {
            typeof(Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions),
            typeof(Microsoft.Extensions.DependencyInjection.IHttpClientBuilder),
            typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection),
            typeof(Microsoft.Extensions.DependencyInjection.ServiceCollection),
            typeof(Microsoft.Extensions.DependencyInjection.ServiceProvider),
            typeof(Microsoft.Extensions.DependencyInjection.LoggingServiceCollectionExtensions),
            typeof(Microsoft.Extensions.Logging.ILogger),
            typeof(Microsoft.Extensions.Options.IOptionsMonitor<>),
            typeof(Microsoft.Extensions.Configuration.IConfiguration),
            typeof(Microsoft.Extensions.Configuration.ConfigurationBuilder),
            typeof(Microsoft.Extensions.Configuration.MemoryConfigurationBuilderExtensions),
        }.Select(t => t.Assembly.Location).Distinct().Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToArray();

        private static readonly Lazy<Assembly> Compiled = new(() =>
        {
            GeneratorHarness.Result result = GeneratorHarness.RunWith(Hosting, new[] { (TestPaths.DefaultSpec, File.ReadAllText(TestPaths.DefaultSpec)) }, Source);
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationErrorsAndWarnings);
            return GeneratorHarness.Load(result.Output);
        });

        private static MethodInfo Method(string name) => Compiled.Value.GetType("Di")!.GetMethod(name)!;

        [Fact]
        public void Without_Microsoft_Extensions_Http_nothing_is_registered_or_needed()
        {
            GeneratorHarness.Result result = GeneratorHarness.RunDefault();
            Assert.Empty(result.CompilationErrorsAndWarnings);
            Assert.Null(result.Output.GetTypeByMetadataName("Emr.V20190103.EmrClientServiceCollectionExtensions"));
            Assert.DoesNotContain(result.RunResult.Results.Single().GeneratedSources, s => s.SourceText.ToString().Contains("Microsoft.Extensions", StringComparison.Ordinal));
        }

        [Fact]
        public async Task AddEmrClient_registers_IEmrClient_on_IHttpClientFactory_whose_handlers_and_loggers_it_uses_without_logging_secrets()
        {
            using var server = new LoopbackServer(SecretKey, (i, _) => new Answer(200, LoopbackServer.Success("req-di-0001", "emr-di000001")));
            object logger = Activator.CreateInstance(Compiled.Value.GetType("ListLogger")!)!;
            string outcome = await (Task<string>)Method("Create").Invoke(null, new[] { server.Endpoint, GeneratedClient.ValidRequestJson, logger })!;
            Assert.Equal("emr-di000001 via EmrClient, handler 1, " + server.Endpoint, outcome);
            Assert.True(Assert.Single(server.Received).SignatureValid);

            var lines = (List<string>)logger.GetType().GetProperty("Lines")!.GetValue(logger)!;
            Assert.Contains(lines, l => l.Contains("req-di-0001", StringComparison.Ordinal));
            foreach (string secret in new[] { SecretKey, "AKIDdi000000000001", "Emr@2019abc", "Signature=" })
            {
                Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
            }
        }

        [Fact]
        public void The_settings_bind_from_a_configuration_section_with_the_credential_from_a_provider()
        {
            var values = new Dictionary<string, string?> { ["Emr:Region"] = "ap-shanghai-fsi", ["Emr:Timeout"] = "00:00:05", ["Emr:MaxRetries"] = "1" };
            Assert.Equal("endpoint https://emr.ap-shanghai-fsi.tencentcloudapi.com/", Method("FromConfiguration").Invoke(null, new object[] { values, true }));
            values["Emr:Endpoint"] = "http://127.0.0.1:9/";
            Assert.Equal("endpoint http://127.0.0.1:9/", Method("FromConfiguration").Invoke(null, new object[] { values, true }));
        }

        [Theory]
        [InlineData("Emr:SecretKey", "from-config", "credentials are not read from configuration")]
        [InlineData("Emr:Credential:SecretId", "AKIDconfig", "credentials are not read from configuration")]
        [InlineData("Emr:Timeout", "soon", "sets Timeout to 'soon', which is not a time")]
        [InlineData("Emr:MaxRetries", "-1", "sets MaxRetries to '-1', which is not a whole number")]
        public void Bad_or_secret_configuration_is_refused_with_a_message_that_names_the_key(string key, string value, string message)
        {
            var values = new Dictionary<string, string?> { ["Emr:Region"] = "ap-guangzhou", [key] = value };
            string outcome = (string)Method("FromConfiguration").Invoke(null, new object[] { values, true })!;
            Assert.StartsWith("error ", outcome);
            Assert.Contains(message, outcome);
            if (message.StartsWith("credentials", StringComparison.Ordinal))
            {
                Assert.DoesNotContain(value, outcome);
            }
        }

        [Fact]
        public void A_client_without_a_region_says_how_to_set_one()
        {
            string outcome = (string)Method("FromConfiguration").Invoke(null, new object[] { new Dictionary<string, string?>(), true })!;
            Assert.Equal("error EmrClient has no region: set Region in its options (AddEmrClient(o => o.Region = \"ap-guangzhou\")) or in its configuration section.", outcome);
        }
    }
}
