/** The runs, steps, content items and sessions the example records before it queries them. */
package com.example.pipeline.seed;
