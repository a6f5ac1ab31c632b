.PHONY: run test build tools bench faults clean

build: tools
	dotnet build AccessReviewFunctions.sln -nologo -v quiet

tools: node_modules/.bin/azurite

node_modules/.bin/azurite: package.json
	npm install --no-audit --no-fund --loglevel=error
	@touch $@

run: tools
	bash scripts/run.sh

test: tools
	bash scripts/test.sh

bench: tools  # make bench ARGS="--quick" / "--only create --runs 5" / "--list"
	bash scripts/bench.sh

faults: tools
	bash scripts/faults.sh

clean:
	rm -rf .azurite src/*/bin src/*/obj tests/*/bin tests/*/obj bench/*/bin bench/*/obj
