using System;
using BenchmarkDotNet.Attributes;
using Emr.V20190103;
using Newtonsoft.Json;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace Emr.Codegen.RuntimeBenchmarks
{
    /// <summary>ToJson of a full valid request: the generated type against System.Text.Json's generated serializer and Newtonsoft.Json on equivalent plain classes.</summary>
    [MemoryDiagnoser]
    public class ToJsonBenchmarks
    {
        private CreateInstanceRequest _request = null!;
        private Plain.CreateInstanceRequest _plain = null!;

        [GlobalSetup]
        public void Setup()
        {
            _request = CreateInstanceRequest.FromJson(Payloads.RequestJson);
            _plain = Payloads.PlainRequest();
            Payloads.SameJson("Emr.Codegen", Payloads.RequestJson, EmrCodegen());
            Payloads.SameJson("System.Text.Json", Payloads.RequestJson, SystemTextJsonSourceGen());
            Payloads.SameJson("Newtonsoft.Json", Payloads.RequestJson, NewtonsoftJson());
        }

        [Benchmark(Baseline = true, Description = "Emr.Codegen ToJson()")]
        public string EmrCodegen() => _request.ToJson();

        [Benchmark(Description = "System.Text.Json source-gen")]
        public string SystemTextJsonSourceGen() => JsonSerializer.Serialize(_plain, Plain.StjContext.Default.CreateInstanceRequest);

        [Benchmark(Description = "Newtonsoft.Json")]
        public string NewtonsoftJson() => JsonConvert.SerializeObject(_plain, Payloads.NewtonsoftSettings);
    }

    /// <summary>FromJson of the same document, same three contenders.</summary>
    [MemoryDiagnoser]
    public class FromJsonBenchmarks
    {
        [GlobalSetup]
        public void Setup()
        {
            Payloads.SameJson("Emr.Codegen", Payloads.RequestJson, EmrCodegen().ToJson());
            Payloads.SameJson("System.Text.Json", Payloads.RequestJson, JsonSerializer.Serialize(SystemTextJsonSourceGen(), Plain.StjContext.Default.CreateInstanceRequest));
            Payloads.SameJson("Newtonsoft.Json", Payloads.RequestJson, JsonConvert.SerializeObject(NewtonsoftJson(), Payloads.NewtonsoftSettings));
        }

        [Benchmark(Baseline = true, Description = "Emr.Codegen FromJson()")]
        public CreateInstanceRequest EmrCodegen() => CreateInstanceRequest.FromJson(Payloads.RequestJson);

        [Benchmark(Description = "System.Text.Json source-gen")]
        public Plain.CreateInstanceRequest SystemTextJsonSourceGen() => JsonSerializer.Deserialize(Payloads.RequestJson, Plain.StjContext.Default.CreateInstanceRequest)!;

        [Benchmark(Description = "Newtonsoft.Json")]
        public Plain.CreateInstanceRequest NewtonsoftJson() => JsonConvert.DeserializeObject<Plain.CreateInstanceRequest>(Payloads.RequestJson, Payloads.NewtonsoftSettings)!;
    }

    /// <summary>ParseEnvelope of a CreateInstance response, <c>{"Response": {...}}</c>, same three contenders.</summary>
    [MemoryDiagnoser]
    public class ParseEnvelopeBenchmarks
    {
        [GlobalSetup]
        public void Setup()
        {
            if (EmrCodegen().InstanceId != "emr-rnzqrleq" || SystemTextJsonSourceGen().Response?.InstanceId != "emr-rnzqrleq" || NewtonsoftJson().Response?.InstanceId != "emr-rnzqrleq")
            {
                throw new InvalidOperationException("A contender does not read the response's InstanceId.");
            }
        }

        [Benchmark(Baseline = true, Description = "Emr.Codegen ParseEnvelope()")]
        public CreateInstanceResponse EmrCodegen() => CreateInstanceResponse.ParseEnvelope(Payloads.ResponseJson);

        [Benchmark(Description = "System.Text.Json source-gen")]
        public Plain.CreateInstanceResponseEnvelope SystemTextJsonSourceGen() => JsonSerializer.Deserialize(Payloads.ResponseJson, Plain.StjContext.Default.CreateInstanceResponseEnvelope)!;

        [Benchmark(Description = "Newtonsoft.Json")]
        public Plain.CreateInstanceResponseEnvelope NewtonsoftJson() => JsonConvert.DeserializeObject<Plain.CreateInstanceResponseEnvelope>(Payloads.ResponseJson, Payloads.NewtonsoftSettings)!;
    }
}
