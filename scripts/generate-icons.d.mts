export interface IconShape {
  kind: 'rect' | 'circle' | 'ring';
  color: [number, number, number];
}
export interface Icon {
  size: number;
  shapes: IconShape[];
}
export declare function parseIconSvg(svg: string): Icon;
export declare function renderIcon(icon: Icon, size: number): Buffer;
export declare function encodePng(pixels: Buffer, size: number): Buffer;
export declare const ICNS_TYPES: Record<string, number>;
export declare const LINUX_SIZES: number[];
export declare const ICO_SIZES: number[];
export declare function generateIcons(svgPath: string, outDir: string): string[];
