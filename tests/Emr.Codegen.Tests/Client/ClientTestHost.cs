using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Emr.Codegen.Tests.Infrastructure;

namespace Emr.Codegen.Tests.Client
{
    /// <summary>The default spec's generated client, reached by reflection from the compiled, loaded assembly.</summary>
    public static class GeneratedClient
    {
        public const string Namespace = "Emr.V20190103";

        /// <summary>A request the spec's rules accept (the README's example).</summary>
        public const string ValidRequestJson =
            "{\"ProductId\":16,\"VPCSettings\":{\"VpcId\":\"vpc-abcd1234\",\"SubnetId\":\"subnet-abcd1234\"},\"Software\":[\"hive\",\"flink\"]," +
            "\"ResourceSpec\":{\"MasterResourceSpec\":{\"Spec\":\"CVM.S2\",\"StorageType\":5,\"DiskType\":\"CLOUD_PREMIUM\",\"MemSize\":8192,\"Cpu\":4,\"DiskSize\":100},\"MasterCount\":1,\"CoreCount\":2}," +
            "\"SupportHA\":0,\"InstanceName\":\"emr_test\",\"PayMode\":0,\"Placement\":{\"Zone\":\"ap-guangzhou-3\",\"ProjectId\":0},\"TimeSpan\":3600,\"TimeUnit\":\"s\"," +
            "\"LoginSettings\":{\"Password\":\"Emr@2019abc\"},\"Tags\":[{\"TagKey\":\"team\",\"TagValue\":\"data & ai\"}]}";

        public static Type Type(string name) => RuntimeTypes.Find(GeneratorHarness.DefaultAssembly, Namespace, name);

        public static dynamic Request(string json = ValidRequestJson) => Type("CreateInstanceRequest").GetMethod("FromJson")!.Invoke(null, new object[] { json })!;

        public static dynamic Credential(string id = "AKIDtestid0123456789", string key = "testsecretkey0123456789", string? token = null) =>
            Activator.CreateInstance(Type("ApiCredential"), id, key, token)!;

        public static dynamic Options(Uri endpoint, int maxRetries = 3, double timeoutSeconds = 10)
        {
            dynamic options = Activator.CreateInstance(Type("ApiClientOptions"))!;
            options.Endpoint = endpoint;
            options.MaxRetries = maxRetries;
            options.Timeout = TimeSpan.FromSeconds(timeoutSeconds);
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
            return options;
        }

        public static dynamic Client(dynamic credential, string region, dynamic options) =>
            Activator.CreateInstance(Type("EmrClient"), credential, region, options, null)!;

        /// <summary>A delegate of the hook type <c>Action&lt;infoType&gt;</c> that calls <paramref name="callback"/>.</summary>
        public static Delegate Hook(Type infoType, Action<object> callback)
        {
            var parameter = System.Linq.Expressions.Expression.Parameter(infoType);
            return System.Linq.Expressions.Expression.Lambda(
                typeof(Action<>).MakeGenericType(infoType),
                System.Linq.Expressions.Expression.Call(System.Linq.Expressions.Expression.Constant(callback), typeof(Action<object>).GetMethod("Invoke")!, parameter),
                parameter).Compile();
        }

        /// <summary>The runtime's signer, <c>ApiClientRuntime.Authorization</c>.</summary>
        public static string Authorization(string id, string key, string service, Uri endpoint, long timestamp, string body) =>
            (string)Type("ApiClientRuntime").GetMethod("Authorization")!.Invoke(null, new object[] { id, key, service, endpoint, timestamp, body })!;

        /// <summary>Awaits a task and unwraps the exception the generated code threw.</summary>
        public static async Task<Exception> ThrowsAsync(Func<Task> call)
        {
            try
            {
                await call();
            }
            catch (Exception exception)
            {
                return exception;
            }

            throw new Xunit.Sdk.XunitException("The call did not throw.");
        }
    }

    /// <summary>Tencent Cloud's official Node.js SDK in tests/NodeSigner, installed from its lock file when missing.</summary>
    public static class NodeSdk
    {
        private static readonly Lazy<string> InstalledDirectory = new(Install);

        public static string Directory => InstalledDirectory.Value;

        private static string Install()
        {
            string directory = Path.Combine(TestPaths.RepositoryRoot, "tests", "NodeSigner");
            if (!File.Exists(Path.Combine(directory, "node_modules", "tencentcloud-sdk-nodejs-common", "package.json")))
            {
                var (code, output) = Run("npm", new[] { "ci", "--no-audit", "--no-fund" }, directory, null, null);
                if (code != 0)
                {
                    throw new InvalidOperationException("npm ci in tests/NodeSigner failed: " + output);
                }
            }

            return directory;
        }

        /// <summary>Runs a script of tests/NodeSigner with stdin and returns its stdout; fails on a non-zero exit.</summary>
        public static string Node(string script, string stdin, IDictionary<string, string>? environment = null, params string[] arguments)
        {
            var (code, output) = Run("node", new[] { script }.Concat(arguments), Directory, stdin, environment);
            if (code != 0)
            {
                throw new InvalidOperationException("node " + script + " failed: " + output);
            }

            return output;
        }

        private static (int Code, string Output) Run(string file, IEnumerable<string> arguments, string directory, string? stdin, IDictionary<string, string>? environment)
        {
            var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var pair in environment ?? new Dictionary<string, string>())
            {
                start.Environment[pair.Key] = pair.Value;
            }

            using Process process = Process.Start(start)!;
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(stdin ?? string.Empty);
            process.StandardInput.Close();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException(file + " did not finish in 2 minutes");
            }

            return (process.ExitCode, process.ExitCode == 0 ? stdout.Result : stdout.Result + stderr.Result);
        }
    }

    /// <summary>A request as the loopback server received it.</summary>
    public sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, bool SignatureValid);

    /// <summary>What the server answers: status, body and how long it waits first.</summary>
    public sealed record Answer(int Status, string Body, TimeSpan Delay = default);

    /// <summary>
    /// An HttpListener on 127.0.0.1 only. Every request's TC3 signature is checked with <see cref="Tc3Verifier"/>; the
    /// answers come from a function of the call's index and the request.
    /// </summary>
    public sealed class LoopbackServer : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Func<int, ReceivedRequest, Answer> _answer;
        private readonly string _secretKey;
        private readonly CancellationTokenSource _stop = new();
        private int _count;

        public LoopbackServer(string secretKey, Func<int, ReceivedRequest, Answer> answer)
        {
            _secretKey = secretKey;
            _answer = answer;
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Endpoint = new Uri("http://127.0.0.1:" + port + "/");
            _listener.Prefixes.Add(Endpoint.ToString());
            _listener.Start();
            _ = Task.Run(LoopAsync);
        }

        public Uri Endpoint { get; }

        public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

        public static string Success(string requestId, string instanceId = "emr-abcd1234") =>
            "{\"Response\":{\"InstanceId\":\"" + instanceId + "\",\"RequestId\":\"" + requestId + "\"}}";

        public static string Error(string code, string message, string requestId) =>
            "{\"Response\":{\"Error\":{\"Code\":\"" + code + "\",\"Message\":\"" + message + "\"},\"RequestId\":\"" + requestId + "\"}}";

        private async Task LoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening)
                {
                    return;
                }

                _ = Task.Run(() => HandleAsync(context));
            }
        }

        private async Task HandleAsync(HttpListenerContext context)
        {
            try
            {
                string body;
                using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
                {
                    body = await reader.ReadToEndAsync();
                }

                var headers = context.Request.Headers.AllKeys.Where(k => k != null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
                bool valid = Tc3Verifier.Verify(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, headers, body, _secretKey);
                var received = new ReceivedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, headers, body, valid);
                Received.Enqueue(received);
                Answer answer = _answer(Interlocked.Increment(ref _count) - 1, received);
                if (answer.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(answer.Delay, _stop.Token);
                }

                byte[] bytes = Encoding.UTF8.GetBytes(answer.Body);
                context.Response.StatusCode = answer.Status;
                context.Response.ContentType = "application/json";
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
            catch (Exception)
            {
                // The client went away (a timeout under test) or the server stopped.
                try
                {
                    context.Response.Abort();
                }
                catch (Exception)
                {
                }
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Close();
            _stop.Dispose();
        }
    }

    /// <summary>
    /// Checks a TC3-HMAC-SHA256 Authorization header, written from Tencent Cloud's published description of the algorithm
    /// (canonical request, string to sign, derived key), independently of the generated signer.
    /// </summary>
    public static class Tc3Verifier
    {
        public static bool Verify(string method, string path, IReadOnlyDictionary<string, string> headers, string body, string secretKey)
        {
            if (!headers.TryGetValue("Authorization", out string? authorization) || !headers.TryGetValue("X-TC-Timestamp", out string? timestampText))
            {
                return false;
            }

            const string algorithm = "TC3-HMAC-SHA256 ";
            if (!authorization.StartsWith(algorithm, StringComparison.Ordinal))
            {
                return false;
            }

            var parts = authorization.Substring(algorithm.Length).Split(", ").Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : string.Empty);
            string[] scope = parts["Credential"].Split('/');
            if (scope.Length != 4 || scope[3] != "tc3_request")
            {
                return false;
            }

            string date = scope[1];
            string service = scope[2];
            long timestamp = long.Parse(timestampText);
            if (DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd") != date)
            {
                return false;
            }

            string[] signedHeaders = parts["SignedHeaders"].Split(';');
            var canonicalHeaders = new StringBuilder();
            foreach (string name in signedHeaders)
            {
                string value = headers[name].Trim();
                if (name == "host")
                {
                    // The official SDKs sign the host name without the port.
                    value = new Uri("http://" + value).Host;
                }

                canonicalHeaders.Append(name).Append(':').Append(value.ToLowerInvariant()).Append('\n');
            }

            string canonical = method + "\n" + path + "\n\n" + canonicalHeaders + "\n" + parts["SignedHeaders"] + "\n" + Sha256Hex(Encoding.UTF8.GetBytes(body));
            string toSign = "TC3-HMAC-SHA256\n" + timestamp + "\n" + date + "/" + service + "/tc3_request\n" + Sha256Hex(Encoding.UTF8.GetBytes(canonical));
            byte[] key = Encoding.UTF8.GetBytes("TC3" + secretKey);
            foreach (string step in new[] { date, service, "tc3_request" })
            {
                using var hmac = new HMACSHA256(key);
                key = hmac.ComputeHash(Encoding.UTF8.GetBytes(step));
            }

            using var signer = new HMACSHA256(key);
            string expected = string.Concat(signer.ComputeHash(Encoding.UTF8.GetBytes(toSign)).Select(b => b.ToString("x2")));
            return expected == parts["Signature"];
        }

        private static string Sha256Hex(byte[] bytes) => string.Concat(SHA256.HashData(bytes).Select(b => b.ToString("x2")));
    }
}
