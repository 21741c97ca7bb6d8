using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using Newtonsoft.Json;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace Emr.Codegen.RuntimeBenchmarks
{
    /// <summary>The documents every contender reads and writes, and each contender's set-up.</summary>
    public static class Payloads
    {
        /// <summary>
        /// A full valid CreateInstance request: every member the README's valid example and the tests' valid request set
        /// (tests/Emr.Codegen.Tests/Client/ClientTestHost.cs ValidRequestJson), with the sample's CoreResourceSpec.
        /// </summary>
        public const string RequestJson =
            "{\"ProductId\":16,\"VPCSettings\":{\"VpcId\":\"vpc-abcd1234\",\"SubnetId\":\"subnet-abcd1234\"},\"Software\":[\"hive\",\"flink\"]," +
            "\"ResourceSpec\":{\"MasterResourceSpec\":{\"Spec\":\"CVM.S2\",\"StorageType\":5,\"DiskType\":\"CLOUD_PREMIUM\",\"MemSize\":8192,\"Cpu\":4,\"DiskSize\":100}," +
            "\"CoreResourceSpec\":{\"Spec\":\"CVM.S2\",\"StorageType\":5,\"DiskType\":\"CLOUD_PREMIUM\",\"MemSize\":8192,\"Cpu\":4,\"DiskSize\":100},\"MasterCount\":1,\"CoreCount\":2}," +
            "\"SupportHA\":0,\"InstanceName\":\"emr_test\",\"PayMode\":0,\"Placement\":{\"Zone\":\"ap-guangzhou-3\",\"ProjectId\":0},\"TimeSpan\":3600,\"TimeUnit\":\"s\"," +
            "\"LoginSettings\":{\"Password\":\"Emr@2019abc\"},\"Tags\":[{\"TagKey\":\"team\",\"TagValue\":\"data & ai\"}]}";

        /// <summary>A CreateInstance response as the API sends it (upstream's example, with a real-looking instance id).</summary>
        public const string ResponseJson =
            "{\"Response\":{\"InstanceId\":\"emr-rnzqrleq\",\"RequestId\":\"d830face-6587-4263-8ab0-56bda265787d\"}}";

        /// <summary>Newtonsoft.Json as one would set it up for the API: nulls left out.</summary>
        public static readonly JsonSerializerSettings NewtonsoftSettings = new() { NullValueHandling = NullValueHandling.Ignore };

        /// <summary>Throws unless the two documents hold the same values (escaping aside).</summary>
        public static void SameJson(string what, string expected, string actual)
        {
            if (!JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)))
            {
                throw new InvalidOperationException(what + " does not write the same document:\n" + expected + "\n" + actual);
            }
        }

        /// <summary>The plain request, read by System.Text.Json's generated serializer.</summary>
        public static Plain.CreateInstanceRequest PlainRequest() => JsonSerializer.Deserialize(RequestJson, Plain.StjContext.Default.CreateInstanceRequest)!;
    }
}
