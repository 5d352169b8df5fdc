#!/usr/bin/env node
// `npx @wacompose/emulator`: a committed file, so installing the workspace links it before the first build.
import "../dist/bin.js";
