import { Image } from 'antd-mobile';

type Props = { brandName: string; logoUrl: string | null; size?: number };

/** The tenant's logo, or its first character on the brand colour when it has none. */
export function BrandLogo({ brandName, logoUrl, size = 48 }: Props) {
  const style = { width: size, height: size, borderRadius: size / 4, flex: 'none' } as const;
  if (logoUrl) return <Image src={logoUrl} alt={brandName} style={style} fit="cover" data-testid="brand-logo" />;
  return (
    <div
      className="brand-logo--text"
      style={{ ...style, fontSize: size * 0.45, lineHeight: `${size}px` }}
      role="img"
      aria-label={brandName}
      data-testid="brand-logo"
    >
      {Array.from(brandName.trim())[0] ?? ''}
    </div>
  );
}
